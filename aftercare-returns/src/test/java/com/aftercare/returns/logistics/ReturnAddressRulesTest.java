package com.aftercare.returns.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnAddressRulesTest {

    static final StorefrontId SHOP = new StorefrontId(1);
    static final ReturnAddress DEFAULT = address(1, null, null, null);
    static final ReturnAddress FAULTS = address(2, null, ReturnReason.DEFECTIVE, null);
    static final ReturnAddress APPLIANCE_FAULTS = address(3, null, ReturnReason.DEFECTIVE, "家電");
    static final ReturnAddress REPAIRS = address(4, RequestType.WARRANTY_REPAIR, null, null);
    static final List<ReturnAddress> ALL = List.of(DEFAULT, FAULTS, APPLIANCE_FAULTS, REPAIRS);

    static ReturnAddress address(long id, RequestType type, ReturnReason reason, String category) {
        return new ReturnAddress(
                id, SHOP, "倉庫" + id, "返品係", "1350061", "東京都江東区豊洲" + id, "03-1234-5678", type, reason, category);
    }

    @Test
    void shouldTakeTheDefaultWhenNoRuleMatches() {
        assertThat(ReturnAddressRules.choose(ALL, RequestType.RETURN, ReturnReason.SIZE, List.of("服")))
                .contains(DEFAULT);
    }

    @Test
    void shouldTakeTheMostSpecificMatchingRule() {
        assertThat(ReturnAddressRules.choose(ALL, RequestType.RETURN, ReturnReason.DEFECTIVE, List.of("服")))
                .contains(FAULTS);
        assertThat(ReturnAddressRules.choose(ALL, RequestType.RETURN, ReturnReason.DEFECTIVE, List.of("服", "家電")))
                .contains(APPLIANCE_FAULTS);
        assertThat(ReturnAddressRules.choose(ALL, RequestType.WARRANTY_REPAIR, ReturnReason.OTHER, List.of()))
                .contains(REPAIRS);
    }

    @Test
    void shouldTakeTheFirstSavedOfEquallySpecificRules() {
        ReturnAddress laterFaults = address(9, null, ReturnReason.DEFECTIVE, null);
        assertThat(ReturnAddressRules.choose(
                        List.of(laterFaults, FAULTS), RequestType.RETURN, ReturnReason.DEFECTIVE, List.of()))
                .contains(FAULTS);
    }

    @Test
    void shouldFindNothingWhenEveryAddressIsForSomethingElse() {
        assertThat(ReturnAddressRules.choose(List.of(REPAIRS), RequestType.RETURN, ReturnReason.SIZE, List.of()))
                .isEmpty();
        assertThat(ReturnAddressRules.choose(List.of(), RequestType.RETURN, ReturnReason.SIZE, List.of()))
                .isEmpty();
    }

    @Test
    void shouldWriteAPostalCodeWithItsHyphenAndRefuseBadFieldsOnTheirName() {
        assertThat(DEFAULT.postalCode()).isEqualTo("135-0061");
        assertThat(DEFAULT.oneLine()).isEqualTo("〒135-0061 東京都江東区豊洲1");
        assertThatThrownBy(() ->
                        new ReturnAddress(null, SHOP, " ", "返品係", "135-0061", "東京", "03-1234-5678", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("label"));
        assertThatThrownBy(() ->
                        new ReturnAddress(null, SHOP, "倉庫", "返品係", "135-006", "東京", "03-1234-5678", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("postalCode"));
        assertThatThrownBy(() -> new ReturnAddress(null, SHOP, "倉庫", "返品係", "135-0061", "東京", "電話", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("phone"));
        assertThatThrownBy(() -> new ReturnAddress(
                        null, SHOP, "倉庫", "返品係", "135-0061", "東".repeat(201), "03-1234-5678", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("address"));
    }
}
