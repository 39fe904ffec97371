package com.aftercare.returns.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a fraud signal starts ({@code aftercare.returns.signals.*}).
 *
 * @param serialReturnerMinOrders a customer needs at least this many orders before their share of
 *     returned orders says anything (default 3)
 * @param serialReturnerPercent share of orders sent back (return, exchange, guarantee not refused)
 *     from which a customer is a serial returner (default 50)
 * @param quickClaimHours a claim this soon after the recorded delivery is "within hours" (default 24)
 * @param highValueYen claimed goods worth at least this are high-value (default ¥30,000)
 */
@ConfigurationProperties("aftercare.returns.signals")
public record SignalThresholds(
        @DefaultValue("3") int serialReturnerMinOrders,
        @DefaultValue("50") int serialReturnerPercent,
        @DefaultValue("24") int quickClaimHours,
        @DefaultValue("30000") long highValueYen) {

    public SignalThresholds {
        if (serialReturnerMinOrders < 1 || serialReturnerPercent < 1 || serialReturnerPercent > 100) {
            throw new IllegalArgumentException(
                    "aftercare.returns.signals: serial-returner-min-orders >= 1, serial-returner-percent 1-100");
        }
        if (quickClaimHours < 1 || highValueYen < 0) {
            throw new IllegalArgumentException(
                    "aftercare.returns.signals: quick-claim-hours >= 1, high-value-yen >= 0");
        }
    }
}
