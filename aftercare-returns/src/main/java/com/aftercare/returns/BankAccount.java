package com.aftercare.returns;

import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.Text;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Japanese bank account for a refund by transfer (代引き, konbini, bank transfer). Checks itself:
 * a refusal names the field under {@code bankAccount.}. Full-width digits are accepted.
 *
 * @param bankCode 4-digit 金融機関コード
 * @param branchCode 3-digit 支店コード
 * @param type 普通 (ORDINARY) or 当座 (CHECKING)
 * @param number 7-digit 口座番号 (shorter numbers are padded with leading zeros, as banks do)
 * @param holder the account holder as the bank writes it, in katakana (口座名義カナ)
 */
public record BankAccount(
        String bankName,
        String bankCode,
        String branchName,
        String branchCode,
        AccountType type,
        String number,
        String holder) {

    public enum AccountType {
        ORDINARY,
        CHECKING
    }

    private static final Pattern HOLDER = Pattern.compile("[\\p{IsKatakana}ー・ 　()（）.,\\-A-Z0-9]{1,60}");

    public BankAccount {
        bankName = text("bankName", bankName, 60);
        bankCode = digits("bankCode", bankCode, 4, 4);
        branchName = text("branchName", branchName, 60);
        branchCode = digits("branchCode", branchCode, 3, 3);
        if (type == null) {
            throw new InvalidValue("bankAccount.type", "must be ORDINARY or CHECKING");
        }
        number = "0".repeat(Math.max(0, 7 - digits("number", number, 1, 7).length())) + digits("number", number, 1, 7);
        holder = text("holder", holder, 60);
        if (!HOLDER.matcher(holder).matches()) {
            throw new InvalidValue("bankAccount.holder", "must be written in katakana, as the bank holds it");
        }
    }

    /** What the console shows: bank, branch, type and the last three digits only. */
    public String masked() {
        return bankName + " " + branchName + " " + (type == AccountType.ORDINARY ? "普通" : "当座") + " ****"
                + number.substring(number.length() - 3);
    }

    /** The stored form (encrypted by the caller): fields separated by a unit separator, which no field may hold. */
    String serialized() {
        return String.join("\u001F", bankName, bankCode, branchName, branchCode, type.name(), number, holder);
    }

    static BankAccount parse(String serialized) {
        List<String> f = List.of(serialized.split("\u001F", -1));
        return new BankAccount(
                f.get(0), f.get(1), f.get(2), f.get(3), AccountType.valueOf(f.get(4)), f.get(5), f.get(6));
    }

    private static String text(String field, String value, int max) {
        String text = value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (text.isEmpty() || text.length() > max) {
            throw new InvalidValue("bankAccount." + field, "must be 1-" + max + " characters");
        }
        if (Text.hasControlCharacters(text, false)) {
            throw new InvalidValue("bankAccount." + field, "must not contain control characters");
        }
        return text;
    }

    private static String digits(String field, String value, int min, int max) {
        String text = value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (!text.matches("[0-9]{" + min + "," + max + "}")) {
            throw new InvalidValue(
                    "bankAccount." + field,
                    min == max ? "must be " + max + " digits" : "must be " + min + "-" + max + " digits");
        }
        return text;
    }
}
