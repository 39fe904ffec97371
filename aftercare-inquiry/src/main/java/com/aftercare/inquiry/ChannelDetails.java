package com.aftercare.inquiry;

import java.time.Instant;

/**
 * What a phone call or a visit adds (all null / false for other channels).
 *
 * @param callbackAt when the customer wants to be called back, within the shop's phone hours
 * @param callbackDoneAt when an operator marked the callback made ({@code callbackDoneBy}), else null
 */
public record ChannelDetails(
        String phoneCaller,
        boolean callbackWanted,
        Instant callbackAt,
        Instant callbackDoneAt,
        String callbackDoneBy,
        String visitAddress,
        Instant visitSlotStart,
        Instant visitSlotEnd,
        String visitStaff) {}
