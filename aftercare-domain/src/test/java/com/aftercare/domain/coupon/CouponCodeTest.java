package com.aftercare.domain.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.shared.InvalidValue;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodeTest {

    @Test
    void shouldDrawCodesWithoutLookAlikeCharacters() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            codes.add(CouponCode.random(random).value());
        }
        assertThat(codes)
                .hasSize(2000)
                .allSatisfy(code -> assertThat(code).hasSize(12).doesNotContain("0", "O", "1", "I"));
    }

    @Test
    void shouldShowTheCodeInGroupsOfFour() {
        assertThat(new CouponCode("ABCDEFGHJKLM").display()).isEqualTo("ABCD-EFGH-JKLM");
    }

    @Test
    void shouldReadBackWhatACustomerTypedWithDashesLowerCaseOrFullWidth() {
        assertThat(CouponCode.parse("abcd-efgh-jklm").value()).isEqualTo("ABCDEFGHJKLM");
        assertThat(CouponCode.parse(" ＡＢＣＤ－ＥＦＧＨ ＪＫＬＭ ").value()).isEqualTo("ABCDEFGHJKLM");
    }

    @Test
    void shouldRefuseSomethingThatCannotBeACode() {
        assertThatThrownBy(() -> CouponCode.parse("ABCD-EFGH-JKL0"))
                .isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field())
                .isEqualTo("coupon.code");
        assertThatThrownBy(() -> CouponCode.parse("ABCD")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> CouponCode.parse(null)).isInstanceOf(InvalidValue.class);
    }
}
