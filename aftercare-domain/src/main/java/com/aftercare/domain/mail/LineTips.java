package com.aftercare.domain.mail;

import com.aftercare.domain.order.OrderView;
import java.util.List;
import java.util.Map;

/**
 * Usage tips per order line, shown in order mails as {@code line.tips}. The step-mail module keeps
 * them (its product tips); the mail pipeline only asks, so it does not depend on who writes them.
 * Without such a bean every line's tips are empty.
 */
@FunctionalInterface
public interface LineTips {

    /** The tips of each line by line number; lines without tips are absent. */
    Map<Integer, String> forLines(List<OrderView.Line> lines);
}
