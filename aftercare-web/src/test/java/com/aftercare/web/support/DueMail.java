package com.aftercare.web.support;

import com.aftercare.domain.mail.dispatch.MailDispatcher;
import com.aftercare.stepmail.scenario.StepMailScheduler;

/** Does what the schedules (off in tests) would: due step mails into the outbox, then the outbox out. */
public final class DueMail {

    private DueMail() {}

    /** Rounds until nothing more is due; the dispatcher sends what is due by the database's clock. */
    public static void send(StepMailScheduler scheduler, MailDispatcher dispatcher) {
        while (scheduler.runDue() > 0) {
            // rounds until nothing is due
        }
        while (dispatcher.dispatchDue() > 0) {
            // send everything queued
        }
    }
}
