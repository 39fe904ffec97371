/**
 * Mails timed from each customer's own events (step mail), and the one dispatcher that drains the
 * domain's mail outbox over SMTP for every module.
 */
package com.aftercare.stepmail;
