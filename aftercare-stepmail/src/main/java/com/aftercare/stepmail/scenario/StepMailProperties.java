package com.aftercare.stepmail.scenario;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Step-mail settings ({@code aftercare.stepmail.*}).
 *
 * @param schedulerEnabled whether this instance moves due step mails into the outbox
 * @param pollInterval how often it looks
 * @param batchSize how many due step mails one round takes
 */
@ConfigurationProperties("aftercare.stepmail")
record StepMailProperties(
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("200") int batchSize) {}
