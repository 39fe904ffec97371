package com.aftercare.inquiry.mail;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The customer mailbox the desk reads ({@code aftercare.inquiry.mailbox.*}).
 *
 * @param enabled poll on a schedule; when false the poller still exists and {@code pollOnce()} can
 *     be called (tests do)
 * @param port null: the protocol's default (993 with SSL, 143 without)
 * @param ssl IMAPS (implicit TLS); false only for a local test server
 * @param maxAttachmentSize a larger attachment is refused (noted in the message), the mail is kept
 * @param maxMessageSize a larger mail is not downloaded at all and is recorded as REJECTED
 * @param allowedTypes attachment types accepted, as detected from the content
 * @param storefront code of the storefront new mail inquiries are filed under; blank: none (the
 *     inquiry is visible in the console only, like one an operator opened)
 * @param timeout connect, read and write timeout of the IMAP connection
 */
@ConfigurationProperties("aftercare.inquiry.mailbox")
record MailboxProperties(
        boolean enabled,
        String host,
        Integer port,
        String username,
        String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("true") boolean ssl,
        @DefaultValue("1m") Duration pollInterval,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("25MB") DataSize maxMessageSize,

        @DefaultValue({
            "image/jpeg",
            "image/png",
            "image/heic",
            "application/pdf",
            "text/plain",
            "video/mp4",
            "audio/mp4"
        })
        Set<String> allowedTypes,

        String storefront,
        @DefaultValue("30s") Duration timeout) {

    /** The name this mailbox is kept under in {@code inbound_mail}: account, host and folder. */
    String key() {
        return username + "@" + host + "/" + folder;
    }
}
