package com.aftercare.web.console.inquiries;

import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.line.LinePushes;
import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.CannedResponses;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryAttachments;
import com.aftercare.inquiry.InquiryStatus;
import com.aftercare.inquiry.InquiryTags;
import com.aftercare.inquiry.Macros;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.console.ConsoleViews;
import java.time.Clock;
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

    private static final int SUGGESTIONS = 3;
    private static final int CUSTOMER_NOTES = 3;

    private final Inquiries inquiries;
    private final Customers customers;
    private final Operators operators;
    private final CannedResponses canned;
    private final FaqArticles faq;
    private final InquiryAttachments attachments;
    private final CustomerNotes customerNotes;
    private final Macros macros;
    private final InquiryTags tags;
    private final Orders orders;
    private final Clock clock;
    private final LinePushes linePushes;

    InquiryPage(
            Inquiries inquiries,
            Customers customers,
            Operators operators,
            CannedResponses canned,
            FaqArticles faq,
            InquiryAttachments attachments,
            CustomerNotes customerNotes,
            Macros macros,
            InquiryTags tags,
            Orders orders,
            Clock clock,
            LinePushes linePushes) {
        this.inquiries = inquiries;
        this.customers = customers;
        this.operators = operators;
        this.canned = canned;
        this.faq = faq;
        this.attachments = attachments;
        this.customerNotes = customerNotes;
        this.macros = macros;
        this.tags = tags;
        this.orders = orders;
        this.clock = clock;
        this.linePushes = linePushes;
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
        Inquiries.InquiryView inquiry = inquiries.find(reference).orElseThrow(() -> NotFound.inquiry(reference));
        model.addAttribute("inquiry", inquiry);
        model.addAttribute(
                "customer", customers.find(inquiry.customer()).map(Customer::of).orElse(Customer.UNKNOWN));
        model.addAttribute("assignee", assignee(inquiry.assigneeOperatorId()));
        // the order the inquiry is about, on top of the page: most questions are about it
        model.addAttribute(
                "order",
                inquiry.order() == null ? null : orders.find(inquiry.order()).orElse(null));
        model.addAttribute("active", isActive(inquiry.status()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("customerNotes", customerNotes.of(inquiry.customer(), CUSTOMER_NOTES));
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
        model.addAttribute("cannedResponses", canned.offeredFor(inquiry.category()));
        model.addAttribute("suggestions", faq.suggestFor(reference, SUGGESTIONS));
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
                        .map(Inquiries.MessageView::linePushId)
                        .filter(Objects::nonNull)
                        .toList()));
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

    /**
     * The customer as the inquiry page shows them: the name, and the address masked; a null
     * {@code maskedEmail} is a customer without an email, and the page says no mail reaches them.
     */
    record Customer(Long id, String name, String maskedEmail) {

        static final Customer UNKNOWN = new Customer(null, null, null);

        static Customer of(CustomerView view) {
            return new Customer(view.id().value(), view.name(), view.maskedEmail());
        }
    }
}
