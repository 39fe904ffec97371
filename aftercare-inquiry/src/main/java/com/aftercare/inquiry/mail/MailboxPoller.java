package com.aftercare.inquiry.mail;

import com.aftercare.domain.mail.Mails;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.AttachmentPolicy;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads new mail from the customer mailbox over IMAP and files each one ({@link InboundMailbook}).
 * Read-only: nothing on the server is flagged, moved or deleted; the UIDs recorded in
 * {@code inbound_mail} are the memory. Per poll: open the folder, read UIDVALIDITY, fetch the
 * messages above the highest UID taken for it, then one transaction per mail. A mail that cannot
 * be read or filed is recorded as REJECTED with the reason and the poll goes on; a failure of the
 * mailbox or the database ends the poll, and the next one starts again from the same UID.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailboxProperties properties;
    private final InboundMailbook book;
    private final Storefronts storefronts;
    private final MailReader reader;
    private final Mails mails;

    MailboxPoller(
            MailboxProperties properties,
            InboundMailbook book,
            Storefronts storefronts,
            Mails mails,
            AttachmentPolicy attachments) {
        this.properties = properties;
        this.mails = mails;
        this.book = book;
        this.storefronts = storefronts;
        this.reader = new MailReader(attachments);
    }

    /**
     * One poll of the mailbox.
     *
     * @return how many mails this call recorded (filed or rejected); mails another poller took
     *     meanwhile are not counted
     */
    public int pollOnce() {
        if (properties.host() == null || properties.host().isBlank()) {
            throw new IllegalStateException("aftercare.inquiry.mailbox.host is not set");
        }
        StorefrontId storefront = storefront();
        String protocol = properties.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(protocol));
        try (Store store = session.getStore(protocol)) {
            store.connect(
                    properties.host(),
                    properties.port() == null ? -1 : properties.port(),
                    properties.username(),
                    properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_ONLY);
            try {
                return take((UIDFolder) folder, folder, storefront);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read mailbox " + properties.key() + ": " + e.getMessage(), e);
        }
    }

    private int take(UIDFolder uids, Folder folder, StorefrontId storefront) throws MessagingException {
        String mailbox = properties.key();
        long validity = uids.getUIDValidity();
        long last = book.lastUid(mailbox, validity);
        Message[] messages = uids.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        Arrays.sort(messages, Comparator.comparingLong(m -> uid(uids, m)));
        int recorded = 0;
        for (Message message : messages) {
            long uid = uid(uids, message);
            // "n:*" always returns the newest message, even when its UID is below n
            if (uid <= last) {
                continue;
            }
            if (takeOne(mailbox, validity, uid, message, storefront)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean takeOne(String mailbox, long validity, long uid, Message message, StorefrontId storefront)
            throws MessagingException {
        long size = message.getSize();
        if (size > properties.maxMessageSize().toBytes()) {
            return book.reject(mailbox, validity, uid, null, "mail of " + size + " bytes is over the limit");
        }
        byte[] raw = raw(message);
        // A bounce of one of our mails stops mail to that address; the report itself is then
        // recorded as automatic mail below, never filed as an inquiry.
        for (DeliveryReports.HardBounce bounce : reader.hardBounces(raw)) {
            if (mails.recordBounceReport(
                    bounce.recipient(), bounce.originalMessageId(), "delivery report: " + bounce.status())) {
                log.info("Delivery report: {} bounced ({})", bounce.recipient(), bounce.status());
            }
        }
        MailReader.ParsedMail mail;
        try {
            mail = reader.read(raw);
        } catch (MailReader.Unreadable e) {
            log.warn("Inbound mail {} uid {} could not be read: {}", mailbox, uid, e.getMessage());
            return book.reject(mailbox, validity, uid, null, "unreadable: " + e.getMessage());
        }
        try {
            return book.take(mailbox, validity, uid, mail, storefront).isPresent();
        } catch (DomainException e) {
            // The inquiry refused it (an invalid sender address, …): nothing of it was written.
            log.warn("Inbound mail {} uid {} was refused: {}", mailbox, uid, e.getMessage());
            return book.reject(mailbox, validity, uid, mail.messageId(), "refused: " + e.getMessage());
        }
    }

    /** A local copy of the whole message: parsing never goes back to the server. */
    private static byte[] raw(Message message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot download the message", e);
        }
        return out.toByteArray();
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StorefrontId storefront() {
        String code = properties.storefront();
        if (code == null || code.isBlank()) {
            return null;
        }
        return storefronts.all().stream()
                .filter(s -> s.code().equals(code.strip()))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("aftercare.inquiry.mailbox.storefront names no storefront: " + code))
                .id();
    }

    private Properties sessionProperties(String protocol) {
        Properties p = new Properties();
        String timeout = String.valueOf(properties.timeout().toMillis());
        p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        p.setProperty("mail." + protocol + ".timeout", timeout);
        p.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (properties.ssl()) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        // read-only: never set \Seen as a side effect of reading a body
        p.setProperty("mail." + protocol + ".peek", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }
}
