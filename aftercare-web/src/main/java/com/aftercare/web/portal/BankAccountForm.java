package com.aftercare.web.portal;

import com.aftercare.returns.BankAccount;

/** The refund account as typed on the portal; {@link BankAccount} checks it. */
record BankAccountForm(
        String bankName,
        String bankCode,
        String branchName,
        String branchCode,
        BankAccount.AccountType type,
        String number,
        String holder) {

    static BankAccountForm empty() {
        return new BankAccountForm("", "", "", "", BankAccount.AccountType.ORDINARY, "", "");
    }

    BankAccount toAccount() {
        return new BankAccount(bankName, bankCode, branchName, branchCode, type, number, holder);
    }
}
