/**
 * The one mail dispatcher: claims due mails from the domain's outbox ({@code outbound_mail}) with a
 * lease, sends each batch over one SMTP connection, and records SENT, retry with back-off, FAILED
 * or UNKNOWN. {@link com.aftercare.domain.mail.dispatch.MailDispatcher} is the engine,
 * {@link com.aftercare.domain.mail.dispatch.ParkedMails} what operators use; the rest is internal.
 */
package com.aftercare.domain.mail.dispatch;
