package com.aftercare.returns.logistics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The carriers' standard time bands (時間帯指定), the same at ヤマト運輸, 佐川急便 and 日本郵便 since
 * 2021 (no 12–14 band, 19–21 the last). {@code code} is the four-digit band code the carriers'
 * import formats use (B2クラウド 配達時間帯: 0812, 1416, …).
 */
public enum PickupSlot {
    MORNING("0812"),
    H14_16("1416"),
    H16_18("1618"),
    H18_20("1820"),
    H19_21("1921");

    private final String code;

    PickupSlot(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The band a form sent, by name; empty for anything else (a made-up band, 12–14, blank). */
    public static Optional<PickupSlot> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
