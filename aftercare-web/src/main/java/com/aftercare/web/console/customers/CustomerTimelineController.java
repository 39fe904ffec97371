package com.aftercare.web.console.customers;

import com.aftercare.domain.consent.MarketingConsent;
import com.aftercare.domain.coupon.Coupons;
import com.aftercare.domain.customer.CustomerId;
import com.aftercare.domain.customer.CustomerMerges;
import com.aftercare.domain.customer.CustomerNotes;
import com.aftercare.domain.customer.CustomerView;
import com.aftercare.domain.customer.Customers;
import com.aftercare.domain.line.LineIdentities;
import com.aftercare.domain.line.LineNotices;
import com.aftercare.domain.mail.MailDeliveries;
import com.aftercare.domain.order.Money;
import com.aftercare.domain.order.Orders;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.CustomerInquiries;
import com.aftercare.returns.Claims;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import com.aftercare.web.console.OperatorNames;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page per customer (顧客情報の共有): operators' notes about the customer, then orders and their
 * history, inquiries, claims, mails and notices sent on LINE, coupons, consent and the notes again,
 * newest first. Email and phone stay masked until an operator reveals them, and every reveal is
 * written to the audit log with who and when ({@link Customers#reveal}). The customer's LINE
 * accounts say where they take notices, which an operator changes for them (audited).
 */
@Controller
@RequestMapping("/console/customers")
class CustomerTimelineController {

    private static final int MAILS = 200;
    private static final int NOTES = 200;
    private static final String NOTE_FORM = "newNote";
    private static final String CHOICE_FORM = "noticeChoice";
    /** How {@code CustomerIngestion} names a consent a storefront sent: its id and the event's. */
    private static final Pattern STOREFRONT_CONSENT = Pattern.compile("storefront:(\\d+) event:(\\S+)");

    private static final String UNSUBSCRIBE_LINK = "unsubscribe link";

    private final Customers customers;
    private final Orders orders;
    private final CustomerInquiries inquiries;
    private final Claims claims;
    private final MailDeliveries mails;
    private final MarketingConsent consent;
    private final Coupons coupons;
    private final CustomerNotes notes;
    private final CustomerMerges merges;
    private final LineIdentities lineAccounts;
    private final LineNotices lineNotices;
    private final Storefronts storefronts;
    private final OperatorNames operatorNames;

    CustomerTimelineController(
            Customers customers,
            Orders orders,
            CustomerInquiries inquiries,
            Claims claims,
            MailDeliveries mails,
            MarketingConsent consent,
            Coupons coupons,
            CustomerNotes notes,
            CustomerMerges merges,
            LineIdentities lineAccounts,
            LineNotices lineNotices,
            Storefronts storefronts,
            OperatorNames operatorNames) {
        this.customers = customers;
        this.orders = orders;
        this.inquiries = inquiries;
        this.claims = claims;
        this.mails = mails;
        this.consent = consent;
        this.coupons = coupons;
        this.notes = notes;
        this.merges = merges;
        this.lineAccounts = lineAccounts;
        this.lineNotices = lineNotices;
        this.storefronts = storefronts;
        this.operatorNames = operatorNames;
    }

    /** The customer lookup is part of the console search now; an old link with an email still works. */
    @GetMapping
    String search(@RequestParam(required = false) String email) {
        if (email == null || email.isBlank()) {
            return ConsoleViews.redirect("/console/search");
        }
        return ConsoleViews.redirect(UriComponentsBuilder.fromPath("/console/search")
                .queryParam("q", email)
                .encode()
                .toUriString());
    }

    @GetMapping("/{id}")
    String timeline(@PathVariable long id, Model model) {
        return page(id, false, model);
    }

    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Principal operator, Model model) {
        customers.reveal(new CustomerId(id), operator.getName());
        return page(id, true, model);
    }

    /** A note about the customer as a person; empty or too long is answered on the page with 400. */
    @PostMapping("/{id}/notes")
    String addNote(
            @PathVariable long id,
            @ModelAttribute(NOTE_FORM) NoteForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    notes.add(new CustomerId(id), form.body(), operator.getName());
                    redirect.addFlashAttribute("notice", "customers.note.added");
                    return ConsoleViews.redirect("/console/customers/" + id);
                },
                () -> page(id, false, model));
    }

    /**
     * Where the customer takes this LINE account's storefront's notices; an account that is not
     * this customer's is a 404, a missing or odd choice is answered on the page with 400.
     */
    @PostMapping("/{id}/line/{account}/notices")
    String chooseNotices(
            @PathVariable long id,
            @PathVariable long account,
            @Valid @ModelAttribute(CHOICE_FORM) NoticeChoiceForm form,
            BindingResult errors,
            Principal operator,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        CustomerId customer = new CustomerId(id);
        if (lineAccounts.ofCustomer(customer).stream().noneMatch(a -> a.id() == account)) {
            throw NotFound.lineIdentity(account);
        }
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    lineAccounts.chooseNotices(customer, account, form.channel(), operator.getName());
                    redirect.addFlashAttribute("notice", "customers.line.chosen");
                    return ConsoleViews.redirect("/console/customers/" + id);
                },
                () -> {
                    model.addAttribute("choiceAccount", account);
                    return page(id, false, model);
                });
    }

    /**
     * One line of the timeline. Its detail is what happened, as message keys (statuses, channels,
     * template names: never a code on the page), and what the data itself says (a note, an amount).
     */
    record Entry(Instant at, String kind, String title, List<String> detailKeys, String detail, String link) {

        Entry(Instant at, String kind, String title, List<String> detailKeys, String link) {
            this(at, kind, title, detailKeys, null, link);
        }
    }

    /** A LINE account of the customer with its storefront's name. */
    record LineAccountView(LineIdentities.LinkedAccount account, String storefrontName) {}

    private static List<String> keys(String... keys) {
        return List.of(keys);
    }

    /** Where a consent decision came from, in words: a storefront's event, or the unsubscribe link. */
    private static List<String> consentSourceKeys(String source) {
        if (STOREFRONT_CONSENT.matcher(source).matches()) {
            return keys("customers.consent.source.storefront");
        }
        return source.equals(UNSUBSCRIBE_LINK) ? keys("customers.consent.source.unsubscribe") : List.of();
    }

    /** What the source adds to its words: the storefront's name and the event's id; else the source as recorded. */
    private String consentSource(String source) {
        Matcher storefront = STOREFRONT_CONSENT.matcher(source);
        if (storefront.matches()) {
            String name = storefronts
                    .find(new StorefrontId(Long.parseLong(storefront.group(1))))
                    .map(Storefronts.StorefrontView::name)
                    .orElse("#" + storefront.group(1));
            return name + " " + storefront.group(2);
        }
        return source.equals(UNSUBSCRIBE_LINK) ? null : source;
    }

    private String page(long id, boolean revealed, Model model) {
        CustomerId customerId = new CustomerId(id);
        CustomerView customer = customers.find(customerId).orElseThrow(NotFound::customer);
        List<Entry> entries = new ArrayList<>();
        orders.historyOf(customerId)
                .forEach(e -> entries.add(new Entry(
                        e.occurredAt(), "order", e.orderNumber(), keys("orderStatus." + e.statusTo()), null)));
        inquiries.of(customerId).forEach(i -> {
            String title = i.reference() + " " + i.subject();
            String link = "/console/inquiries/" + i.reference();
            entries.add(new Entry(
                    i.openedAt(),
                    "inquiry",
                    title,
                    keys("channel." + i.channel(), "inquiryStatus." + i.status()),
                    link));
            if (i.resolvedAt() != null) {
                entries.add(new Entry(i.resolvedAt(), "inquiry", title, keys("inquiryStatus.RESOLVED"), link));
            }
            // a callback promised on the phone: when it is due, and once made, when
            if (i.callbackAt() != null) {
                String promise =
                        i.callbackDoneAt() == null ? "customers.callback.promised" : "customers.callback.wasDue";
                entries.add(new Entry(i.callbackAt(), "callback", title, keys(promise), link));
            }
            if (i.callbackDoneAt() != null) {
                entries.add(new Entry(i.callbackDoneAt(), "callback", title, keys("trail.CALLED_BACK"), link));
            }
        });
        claims.forCustomer(customerId).forEach(c -> {
            String title = c.rma() + " " + c.orderNumber();
            String link = "/console/claims/" + c.rma();
            entries.add(new Entry(
                    c.requestedAt(),
                    "claim",
                    title,
                    keys("requestType." + c.type(), "returnReason." + c.reason()),
                    link));
            if (c.resolvedAt() != null) {
                entries.add(new Entry(
                        c.resolvedAt(),
                        "claim",
                        title,
                        keys("requestType." + c.type(), "claimStatus." + c.status()),
                        link));
            }
        });
        coupons.issuedTo(customerId, MAILS)
                .forEach(c -> entries.add(new Entry(
                        c.issuedAt(),
                        "coupon",
                        c.code().display(),
                        keys("marketing.coupons.purpose." + c.purpose()),
                        null)));
        coupons.usesBy(customerId, MAILS)
                .forEach(u -> entries.add(new Entry(
                        u.redeemedAt(),
                        "coupon",
                        u.code().display(),
                        List.of(),
                        u.orderNumber() + " / -" + Money.yen(u.discountYen()).formatted(),
                        null)));
        mails.forCustomer(id, MAILS)
                .forEach(m -> entries.add(new Entry(
                        m.sentAt() != null ? m.sentAt() : m.dueAt(),
                        "mail",
                        m.subject(),
                        keys("mail.template.name." + m.template(), "admin.mail.state." + m.status()),
                        null)));
        // a notice that went on LINE instead of a mail, with what became of it
        lineNotices
                .forCustomer(customerId, MAILS)
                .forEach(n -> entries.add(new Entry(
                        n.at(),
                        "line",
                        n.subject(),
                        keys("mail.template.name." + n.template(), "customers.line.state." + n.state()),
                        null)));
        consent.latest(customerId)
                .ifPresent(d -> entries.add(new Entry(
                        d.at(),
                        "consent",
                        d.granted() ? "consent.granted" : "consent.withdrawn",
                        consentSourceKeys(d.source()),
                        consentSource(d.source()),
                        null)));
        // the duplicates merged in: their rows are this customer's now; the entry says when and by whom
        merges.mergesInto(customerId)
                .forEach(m -> entries.add(new Entry(
                        m.at(), "merged", "#" + m.duplicate(), List.of(), operatorNames.of(m.operator()), null)));
        List<CustomerNotes.Note> customerNotes = notes.of(customerId, NOTES);
        customerNotes.forEach(
                n -> entries.add(new Entry(n.at(), "note", operatorNames.of(n.author()), List.of(), n.body(), null)));
        entries.sort(Comparator.comparing(Entry::at).reversed());
        model.addAttribute("customer", customer);
        if (!model.containsAttribute(NOTE_FORM)) {
            model.addAttribute(NOTE_FORM, NoteForm.empty());
        }
        if (!model.containsAttribute(CHOICE_FORM)) {
            model.addAttribute(CHOICE_FORM, new NoticeChoiceForm(null));
        }
        model.addAttribute("noticeChannels", LineIdentities.NoticeChannel.values());
        model.addAttribute(
                "lineAccounts",
                lineAccounts.ofCustomer(customerId).stream()
                        .map(a -> new LineAccountView(
                                a, storefronts.get(a.storefront()).name()))
                        .toList());
        model.addAttribute("revealed", revealed);
        model.addAttribute("email", revealed ? customer.emailText() : customer.maskedEmail());
        model.addAttribute("phone", revealed ? customer.phone() : CustomerView.maskPhone(customer.phone()));
        model.addAttribute("consented", consent.hasConsented(customerId));
        model.addAttribute("entries", entries);
        model.addAttribute("notes", customerNotes);
        model.addAttribute("maxNote", CustomerNotes.MAX_BODY);
        return ConsoleViews.CUSTOMER_TIMELINE;
    }
}
