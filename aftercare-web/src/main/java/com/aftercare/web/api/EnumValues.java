package com.aftercare.web.api;

import com.aftercare.domain.shared.InvalidValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Enumerations as the API takes them: their exact name, else a field problem listing the choices. */
public final class EnumValues {

    private EnumValues() {}

    public static <E extends Enum<E>> E parse(String field, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(
                    field,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }
}
