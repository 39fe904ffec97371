package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Configuration defaults and the polling switch, without a database or SMTP server. */
class MailDispatchScheduleTest {

    private final MailDispatcher dispatcher = mock(MailDispatcher.class);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SchedulingOn.class, MailDispatchConfiguration.class, MailDispatchSchedule.class)
            .withBean(MailDispatcher.class, () -> dispatcher);

    @Test
    void shouldUseTheDocumentedDefaults() {
        MailDispatchProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("aftercare.mail", MailDispatchProperties.class);

        assertThat(properties.from()).isEqualTo("Aftercare <noreply@aftercare.local>");
        MailDispatchProperties.Dispatcher dispatcher = properties.dispatcher();
        assertThat(dispatcher.enabled()).isTrue();
        assertThat(dispatcher.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.batchSize()).isEqualTo(100);
        assertThat(dispatcher.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(dispatcher.maxAttempts()).isEqualTo(10);
        assertThat(dispatcher.inFlightGroup()).isEqualTo(10);
        assertThat(dispatcher.instanceId())
                .contains(":" + ProcessHandle.current().pid() + ":");
    }

    @Test
    void shouldPollAndKeepClaimingWhileBatchesComeBackFull() {
        // two full batches, then a partial one; with an hour between polls only the first poll
        // runs during the test, so three rounds can only come from looping inside it
        when(dispatcher.dispatchDue()).thenReturn(5, 5, 2, 0);

        context.withPropertyValues(
                        "aftercare.mail.dispatcher.batch-size=5", "aftercare.mail.dispatcher.poll-interval=1h")
                .run(running -> {
                    assertThat(running).hasSingleBean(MailDispatchSchedule.class);
                    verify(dispatcher, timeout(5_000).times(3)).dispatchDue();
                });
    }

    @Test
    void shouldFinishTheBatchInHandButClaimNoFurtherOneOnceTheApplicationIsClosing() {
        MailDispatchProperties properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("aftercare.mail.dispatcher.batch-size", "5")))
                .bindOrCreate("aftercare.mail", MailDispatchProperties.class);
        MailDispatchSchedule schedule = new MailDispatchSchedule(dispatcher, properties);
        AtomicInteger rounds = new AtomicInteger();
        // an endless backlog: every round comes back full; the shutdown arrives during round 2
        when(dispatcher.dispatchDue()).thenAnswer(invocation -> {
            if (rounds.incrementAndGet() == 2) {
                schedule.stopClaiming();
            }
            return 5;
        });

        schedule.poll();

        verify(dispatcher, times(2)).dispatchDue();
    }

    @Test
    void shouldNotPollWhenTheDispatcherIsDisabled() {
        context.withPropertyValues("aftercare.mail.dispatcher.enabled=false")
                .run(running -> assertThat(running).doesNotHaveBean(MailDispatchSchedule.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class SchedulingOn {}
}
