package com.aftercare.web.console;

import com.aftercare.domain.order.Money;
import org.springframework.stereotype.Component;

/** Amounts for people, as customers read them (¥1,800). Templates call {@code ${@consoleMoney.yen(amount)}}. */
@Component("consoleMoney")
public class ConsoleMoney {

    public String yen(Long amount) {
        return amount == null ? "" : Money.yen(amount).formatted();
    }
}
