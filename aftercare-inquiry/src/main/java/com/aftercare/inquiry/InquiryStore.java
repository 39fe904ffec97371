package com.aftercare.inquiry;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where the desk's jobs find an inquiry and put it back: locked for a change, flushed when the new
 * rows' ids are needed for an answer, and turned into the {@link InquiryView} callers see.
 * Runs in the caller's transaction.
 */
@Component
class InquiryStore {

    private final InquiryRepository inquiries;

    InquiryStore(InquiryRepository inquiries) {
        this.inquiries = inquiries;
    }

    /** For a change: locked until the transaction ends; {@code storefront} null: any inquiry. */
    Inquiry lock(StorefrontId storefront, String reference) {
        Optional<Inquiry> found = reference == null
                ? Optional.empty()
                : storefront == null
                        ? inquiries.lockByReference(reference)
                        : inquiries.lockByReferenceAndStorefrontId(reference, storefront.value());
        return found.orElseThrow(() -> NotFound.inquiry(reference));
    }

    Inquiry save(Inquiry inquiry) {
        return inquiries.save(inquiry);
    }

    /** Writes now, so the ids of the new rows are known for the answer (the transaction stays open). */
    InquiryMessage flushAndLast(Inquiry inquiry) {
        inquiries.saveAndFlush(inquiry);
        return lastMessage(inquiry);
    }

    static InquiryMessage lastMessage(Inquiry inquiry) {
        return inquiry.messages().get(inquiry.messages().size() - 1);
    }

    /** Any inquiry (the console). */
    Optional<InquiryView> find(String reference) {
        return inquiries.findByReference(reference).map(this::view);
    }

    /** Only an inquiry that came through {@code storefront} (the API). */
    Optional<InquiryView> find(StorefrontId storefront, String reference) {
        return inquiries
                .findByReferenceAndStorefrontId(reference, storefront.value())
                .map(this::view);
    }

    InquiryView view(Inquiry i) {
        String followUpOf = i.followUpOf() == null
                ? null
                : inquiries.referenceOf(i.followUpOf().value()).orElse(null);
        return new InquiryView(
                i.id(),
                i.reference(),
                i.status(),
                i.channel(),
                i.category(),
                i.priority(),
                i.subject(),
                i.customer(),
                i.storefront(),
                i.order(),
                followUpOf,
                i.assigneeOperatorId(),
                i.sla().firstResponseDueAt(),
                i.sla().resolutionDueAt(),
                i.sla().firstRespondedAt(),
                i.resolvedAt(),
                i.closedAt(),
                i.flagged(),
                i.flagReason(),
                i.flagCode(),
                i.createdAt(),
                i.updatedAt(),
                i.messages().stream()
                        .map(m -> new MessageView(
                                m.id(),
                                m.direction().name(),
                                m.author(),
                                m.authorName(),
                                m.body(),
                                m.channel(),
                                m.createdAt(),
                                m.contentKind() == null ? null : m.contentKind().name(),
                                m.linePushId()))
                        .toList(),
                i.trail().stream()
                        .map(t -> new TrailView(t.type().name(), t.actor(), t.detail(), t.occurredAt()))
                        .toList(),
                i.team(),
                i.channelDetails());
    }
}
