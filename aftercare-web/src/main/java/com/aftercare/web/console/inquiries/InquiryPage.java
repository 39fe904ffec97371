package com.aftercare.web.console.inquiries;

import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LinePushes;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryAttachments;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryTags;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.Macros;
import com.aftercare.inquiry.MessageView;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.console.ConsoleViews;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * One inquiry's page, as every screen of the desk shows it again: the inquiry with its customer
 * (masked), assignee, notes on the customer, canned responses, FAQ suggestions and attachments, and
 * the reply and note forms (with their field errors after a refused post).
 */
@Component
class InquiryPage {

    static final String REPLY = "replyForm";
    static final String NOTE = "noteForm";
    static final String CUSTOMER_NOTE = "customerNoteForm";

    /**
     * Set in the model by the reveal step: the operator who asked to see the customer's contact
     * whole, so the panel shows it (and the facade audits it) for this one answer.
     */
    static final String REVEALED_BY = "revealedBy";

    private static final int SUGGESTIONS = 3;

    private final Inquiries inquiries;
    private final CustomerPanel panel;
    private final Operators operators;
    private final CannedResponses canned;
    private final FaqArticles faq;
    private final InquiryAttachments attachments;
    private final Macros macros;
    private final InquiryTags tags;
    private final Orders orders;
    private final Clock clock;
    private final LinePushes linePushes;
    private final String faqLinks;
    private final ChatDeliveries chatDeliveries;
    private final LineIdentities lineIdentities;

    InquiryPage(
            Inquiries inquiries,
            CustomerPanel panel,
            Operators operators,
            CannedResponses canned,
            FaqArticles faq,
            InquiryAttachments attachments,
            Macros macros,
            InquiryTags tags,
            Orders orders,
            Clock clock,
            LinePushes linePushes,
            ShopProperties shop,
            ChatDeliveries chatDeliveries,
            LineIdentities lineIdentities) {
        this.lineIdentities = lineIdentities;
        this.inquiries = inquiries;
        this.panel = panel;
        this.operators = operators;
        this.canned = canned;
        this.faq = faq;
        this.attachments = attachments;
        this.macros = macros;
        this.tags = tags;
        this.orders = orders;
        this.clock = clock;
        this.linePushes = linePushes;
        // where the portal shows one FAQ article (portal/faq.html gives each the id article-<id>)
        this.faqLinks = shop.publicUrl() + "/portal/faq#article-";
        this.chatDeliveries = chatDeliveries;
    }

    /**
     * Whether the customer of a LINE conversation has a LINE account of its storefront that an
     * operator's merge brought them, not the person's own lookup (docs/channels.md, "Merging and
     * linking"): their notices go by mail until the person links it, so the page offers the link.
     */
    private boolean lineMergedNotLinked(InquiryView inquiry) {
        return inquiry.channel() == Channel.LINE
                && inquiry.customer() != null
                && lineIdentities.ofCustomer(inquiry.customer()).stream()
                        .anyMatch(account -> account.storefront().equals(inquiry.storefront()) && !account.linked());
    }

    /** The page with empty reply and note forms. */
    String show(String reference, Model model) {
        return show(reference, model, ReplyForm.empty(), null, ReplyForm.empty(), null);
    }

    String show(
            String reference,
            Model model,
            ReplyForm reply,
            BindingResult replyErrors,
            ReplyForm note,
            BindingResult noteErrors) {
        InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        model.addAttribute("inquiry", inquiry);
        CustomerPanel.View customer =
                panel.of(inquiry.customer(), inquiry.storefront(), (String) model.getAttribute(REVEALED_BY));
        model.addAttribute("panel", customer);
        model.addAttribute("customer", customer.contact());
        model.addAttribute("assignee", assignee(inquiry.assigneeOperatorId()));
        // the order the inquiry is about, on top of the page: most questions are about it
        model.addAttribute(
                "order",
                inquiry.order() == null ? null : orders.find(inquiry.order()).orElse(null));
        model.addAttribute("active", isActive(inquiry.status()));
        model.addAttribute("priorities", Priority.values());
        if (!model.containsAttribute(CUSTOMER_NOTE)) {
            model.addAttribute(CUSTOMER_NOTE, ReplyForm.empty());
        }
        model.addAttribute("maxCustomerNote", com.aftercare.domain.customer.CustomerNotes.MAX_BODY);
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
        model.addAttribute("cannedResponses", canned.offeredFor(inquiry.category()));
        List<FaqArticles.ArticleView> suggested = faq.suggestFor(reference, SUGGESTIONS);
        model.addAttribute("suggestions", suggested);
        model.addAttribute(
                "faqTexts", suggested.stream().collect(Collectors.toMap(FaqArticles.ArticleView::id, this::quoted)));
        model.addAttribute(
                "attachments",
                attachments.of(reference).stream()
                        .collect(Collectors.groupingBy(InquiryAttachments.AttachmentView::messageId)));
        model.addAttribute("now", clock.instant());
        // the macro picker's fragment (automation/macro-picker)
        model.addAttribute("macros", macros.all());
        model.addAttribute("tags", tags.of(reference));
        // the state of each reply sent on LINE, shown on the message (failed, parked, sent)
        model.addAttribute(
                "linePushes",
                linePushes.states(inquiry.messages().stream()
                        .map(MessageView::linePushId)
                        .filter(Objects::nonNull)
                        .toList()));
        // a storefront's chat: each reply's webhook state, and a warning when nothing would carry one
        model.addAttribute("chatDeliveries", chatDeliveries.states(inquiry));
        model.addAttribute("storefrontChat", ChatDeliveries.storefrontChat(inquiry));
        model.addAttribute("chatUnreachable", chatDeliveries.unreachable(inquiry));
        model.addAttribute("lineMergedNotLinked", lineMergedNotLinked(inquiry));
        model.addAttribute(REPLY, reply);
        model.addAttribute(NOTE, note);
        if (replyErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + REPLY, replyErrors);
        }
        if (noteErrors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + NOTE, noteErrors);
        }
        return ConsoleViews.INQUIRY;
    }

    /** A published FAQ article as a reply quotes it: its question and the link to it on the portal. */
    String faqLink(long articleId) {
        return faq.find(articleId)
                .filter(FaqArticles.ArticleView::published)
                .map(this::quoted)
                .orElseThrow(() -> NotFound.faqArticle(articleId));
    }

    private String quoted(FaqArticles.ArticleView article) {
        return article.question() + "\n" + faqLinks + article.id();
    }

    private String assignee(Long operatorId) {
        if (operatorId == null) {
            return null;
        }
        return operators.all().stream()
                .filter(o -> o.id() == operatorId)
                .map(Operators.Summary::username)
                .findFirst()
                .orElse(null);
    }

    private static boolean isActive(InquiryStatus status) {
        return status == InquiryStatus.NEW
                || status == InquiryStatus.OPEN
                || status == InquiryStatus.WAITING_ON_CUSTOMER;
    }
}
