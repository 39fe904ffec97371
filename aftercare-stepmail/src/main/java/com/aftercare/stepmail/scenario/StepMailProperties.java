package com.aftercare.stepmail.scenario;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Step-mail settings ({@code aftercare.stepmail.*}).
 *
 * @param quietStart start of the quiet hours in the shop's zone (default 21:00)
 * @param quietEnd end of the quiet hours (default 09:00)
 * @param schedulerEnabled whether this instance moves due step mails into the outbox
 * @param pollInterval how often it looks
 * @param batchSize how many due step mails one round takes
 * @param capPerDay promotional mails per customer and shop day, across scenarios and newsletters
 * @param capPerWeek promotional mails per customer in any seven consecutive shop days
 */
@ConfigurationProperties("aftercare.stepmail")
record StepMailProperties(
        @DefaultValue("21:00") LocalTime quietStart,
        @DefaultValue("09:00") LocalTime quietEnd,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1") int capPerDay,
        @DefaultValue("3") int capPerWeek) {}
