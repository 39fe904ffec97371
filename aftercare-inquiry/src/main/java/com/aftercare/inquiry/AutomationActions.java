package com.aftercare.inquiry;

/**
 * What an automation does, all at once, in one transaction with its firing record. Empty parts do
 * nothing; at least one must be set. The status step comes last, so a closing mail is queued
 * before the inquiry closes.
 *
 * @param team the code of the team whose queue the inquiry moves to
 * @param notifySupervisors a mail to the supervisors (of the inquiry's team, else all of them)
 */
public record AutomationActions(
        Priority setPriority,
        StatusStep setStatus,
        String flagReason,
        String tag,
        String team,
        CustomerNotice customerMail,
        boolean notifySupervisors) {

    /** The steps an automation may take an inquiry through. */
    public enum StatusStep {
        RESOLVE,
        /** Resolves when needed, then closes: a customer writing again opens a follow-up. */
        CLOSE
    }

    /** The mails an automation may send the customer (templates the shop can edit). */
    public enum CustomerNotice {
        WAITING_REMINDER("inquiry-waiting-reminder"),
        CLOSED_AFTER_WAITING("inquiry-auto-closed");

        private final String template;

        CustomerNotice(String template) {
            this.template = template;
        }

        public String template() {
            return template;
        }
    }

    boolean isEmpty() {
        return setPriority == null
                && setStatus == null
                && flagReason == null
                && tag == null
                && team == null
                && customerMail == null
                && !notifySupervisors;
    }
}
