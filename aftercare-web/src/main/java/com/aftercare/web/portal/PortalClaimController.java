package com.aftercare.web.portal;

import com.aftercare.domain.claim.RequestType;
import com.aftercare.domain.claim.ReturnReason;
import com.aftercare.domain.order.OrderView;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.returns.ClaimChannel;
import com.aftercare.returns.ClaimNotEligible;
import com.aftercare.returns.ClaimPhotos;
import com.aftercare.returns.ClaimRefunds;
import com.aftercare.returns.ClaimRequests;
import com.aftercare.returns.ClaimView;
import com.aftercare.returns.ClaimWorkflow;
import com.aftercare.returns.Settlement;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's requests on the portal, all behind the order's signed link: the request form for
 * the five types (with photos), the status page, the answer to a repair quote and the bank account
 * for a refund by transfer. Every rule is the returns module's ({@link ClaimRequests},
 * {@link ClaimWorkflow}, {@link ClaimRefunds}); this only words their answers.
 */
@Controller
class PortalClaimController {

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)\\](?:\\.(\\w+))?");

    private final PortalAccess access;
    private final PortalOffers offers;
    private final ClaimRequests requests;
    private final ClaimWorkflow workflow;
    private final ClaimRefunds refunds;
    private final ClaimPhotos photos;
    private final PortalClaimPage page;
    private final PortalExchangeChoices exchangeChoices;

    PortalClaimController(
            PortalAccess access,
            PortalOffers offers,
            PortalExchangeChoices exchangeChoices,
            ClaimRequests requests,
            ClaimWorkflow workflow,
            ClaimRefunds refunds,
            ClaimPhotos photos,
            PortalClaimPage page) {
        this.page = page;
        this.exchangeChoices = exchangeChoices;
        this.access = access;
        this.offers = offers;
        this.requests = requests;
        this.workflow = workflow;
        this.refunds = refunds;
        this.photos = photos;
    }

    @GetMapping("/portal/claims/new")
    String form(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) RequestType type,
            @RequestParam(required = false) ReturnReason reason,
            Model model) {
        OrderView order = order(token);
        ClaimRequestForm form = new ClaimRequestForm();
        RequestType chosen = type == null ? RequestType.RETURN : type;
        form.setReason(reason != null && PortalOffers.asksReason(chosen) ? reason : PortalOffers.defaultReason(chosen));
        return showForm(order, token, chosen, form, exchangeOptions(order, chosen), model);
    }

    @PostMapping("/portal/claims")
    String submit(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) RequestType type,
            @ModelAttribute("form") ClaimRequestForm form,
            BindingResult errors,
            @RequestParam(name = "photos", required = false) List<MultipartFile> uploads,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderView order = order(token);
        if (type == null) {
            throw new PortalLinkInvalid();
        }
        if (form.getReason() == null || !PortalOffers.asksReason(type)) {
            form.setReason(PortalOffers.defaultReason(type));
        }
        // An exchange given up for a refund or store credit (nothing wanted in stock) is a return.
        boolean instead = type == RequestType.EXCHANGE && form.getInstead() != null;
        Map<Integer, List<PortalExchangeChoices.Option>> options = exchangeOptions(order, type);
        List<Integer> lineNos = new ArrayList<>();
        List<ClaimRequests.LineRequest> lines = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            Integer quantity = form.getQuantity().get(line.lineNo());
            if (quantity != null && quantity != 0) {
                lineNos.add(line.lineNo());
                String variant = type == RequestType.EXCHANGE && !instead
                        ? form.getVariant().get(line.lineNo())
                        : null;
                if (type == RequestType.EXCHANGE && !instead && options.containsKey(line.lineNo())) {
                    PortalExchangeChoices.check(line.lineNo(), variant, options.get(line.lineNo()), errors);
                }
                lines.add(new ClaimRequests.LineRequest(line.sku(), quantity, variant));
            }
        }
        if (lines.isEmpty() && !errors.hasErrors()) {
            errors.reject("portal.claim.lines.required");
        }
        List<byte[]> photoBytes = photoBytes(uploads);
        try {
            ClaimPhotos.check(photoBytes);
        } catch (ClaimPhotos.PhotoRefused e) {
            errors.reject("portal.claim.photos." + e.refusal(), new Object[] {ClaimPhotos.MAX_COUNT}, null);
        }
        if (type == RequestType.REFUND_GUARANTEE
                && offers.guaranteeTerms(order).values().stream().anyMatch(t -> t.surveyRequired())
                && isBlank(form.getSurvey())) {
            errors.rejectValue("survey", "portal.claim.survey.required");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(order, token, type, form, options, model);
        }
        ClaimRequests.OpenClaim command = new ClaimRequests.OpenClaim(
                order.storefront(),
                order.number(),
                instead ? RequestType.RETURN : type,
                form.getReason(),
                lines,
                settlement(type, form),
                note(form, instead),
                !isBlank(form.getSurvey()),
                ClaimChannel.PORTAL,
                null,
                null,
                ClaimRequests.CUSTOMER);
        try {
            // The claim and its photos are one write: a refused photo leaves no claim behind.
            ClaimRequests.Opened opened = requests.open(command, photoBytes);
            redirect.addFlashAttribute("notice", "portal.claim.opened");
            return "redirect:/portal/claims/" + opened.rma() + "?token=" + encode(token);
        } catch (InvalidValue e) {
            explain(e, lineNos, errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(order, token, type, form, options, model);
        }
    }

    @GetMapping("/portal/claims/{rma}")
    String status(@PathVariable String rma, @RequestParam(required = false) String token, Model model) {
        OrderView order = order(token);
        return showStatus(order, access.claim(order, rma), token, BankAccountForm.empty(), model);
    }

    @PostMapping("/portal/claims/{rma}/quote")
    String answerQuote(
            @PathVariable String rma,
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String decision,
            RedirectAttributes redirect) {
        ClaimView claim = access.claim(order(token), rma);
        try {
            if ("accept".equals(decision)) {
                workflow.acceptQuote(claim.rma());
                redirect.addFlashAttribute("notice", "portal.claim.quote.accepted");
            } else if ("decline".equals(decision)) {
                workflow.declineQuote(claim.rma());
                redirect.addFlashAttribute("notice", "portal.claim.quote.declined");
            }
        } catch (DomainException e) {
            // Answered already, or the quote is no longer open: the page shows the current state.
            redirect.addFlashAttribute("problem", "portal.claim.quote.unavailable");
        }
        return "redirect:/portal/claims/" + claim.rma() + "?token=" + encode(token);
    }

    @PostMapping("/portal/claims/{rma}/bank-account")
    String bankAccount(
            @PathVariable String rma,
            @RequestParam(required = false) String token,
            @ModelAttribute("bank") BankAccountForm bank,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        OrderView order = order(token);
        ClaimView claim = access.claim(order, rma);
        if (errors.hasErrors()) {
            // A value the form cannot even hold (an account type outside the list): nothing is
            // saved, and the message goes under its field as the account's own checks put theirs.
            // The binding's result belongs to the record binding could not build, so the form
            // shown gets a result of its own.
            BankAccountForm shown = bank == null ? BankAccountForm.empty() : bank;
            BindingResult refused = new DirectFieldBindingResult(shown, "bank");
            errors.getFieldErrors()
                    .forEach(e -> refused.rejectValue(e.getField(), "portal.bank." + e.getField() + ".invalid"));
            model.addAttribute("bank", shown);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "bank", refused);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showStatus(order, claim, token, shown, model);
        }
        try {
            refunds.provideBankAccount(claim.rma(), bank.toAccount());
        } catch (InvalidValue e) {
            String field = e.field().startsWith("bankAccount.") ? e.field().substring("bankAccount.".length()) : null;
            if (field != null
                    && List.of("bankName", "bankCode", "branchName", "branchCode", "type", "number", "holder")
                            .contains(field)) {
                errors.rejectValue(field, "portal.bank." + field + ".invalid");
            } else {
                errors.reject("portal.claim.refused");
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showStatus(order, claim, token, bank, model);
        }
        redirect.addFlashAttribute("notice", "portal.bank.saved");
        return "redirect:/portal/claims/" + claim.rma() + "?token=" + encode(token);
    }

    /** A photo of the link's own claim only; another order's claim or photo is not found. */
    @GetMapping("/portal/claims/{rma}/photos/{key}")
    ResponseEntity<byte[]> photo(
            @PathVariable String rma, @PathVariable UUID key, @RequestParam(required = false) String token) {
        ClaimView claim = access.claim(order(token), rma);
        return photos.content(claim.rma(), key)
                .map(p -> ClaimPhotoResponse.of(key, p))
                .orElseThrow(() -> NotFound.claim(rma));
    }

    private String showForm(
            OrderView order,
            String token,
            RequestType type,
            ClaimRequestForm form,
            Map<Integer, List<PortalExchangeChoices.Option>> exchangeOptions,
            Model model) {
        model.addAttribute("order", order);
        model.addAttribute("exchangeOptions", exchangeOptions);
        model.addAttribute("token", token);
        model.addAttribute("type", type);
        model.addAttribute("form", form);
        model.addAttribute("offer", offers.of(order, type, form.getReason()));
        model.addAttribute("asksReason", PortalOffers.asksReason(type));
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("terms", type == RequestType.REFUND_GUARANTEE ? offers.guaranteeTerms(order) : Map.of());
        model.addAttribute("maxPhotos", ClaimPhotos.MAX_COUNT);
        return PortalViews.CLAIM_NEW;
    }

    private String showStatus(OrderView order, ClaimView claim, String token, BankAccountForm bank, Model model) {
        return page.show(order, claim, token, bank, model);
    }

    /** The variants offered per line, for an exchange only (each asks the storefront's stock). */
    private Map<Integer, List<PortalExchangeChoices.Option>> exchangeOptions(OrderView order, RequestType type) {
        return type == RequestType.EXCHANGE ? exchangeChoices.of(order) : Map.of();
    }

    /** A return's own choice; an exchange given up takes the one the customer chose instead. */
    private static Settlement settlement(RequestType type, ClaimRequestForm form) {
        if (type == RequestType.RETURN) {
            return form.getSettlement();
        }
        if (type == RequestType.EXCHANGE && form.getInstead() != null) {
            return form.getInstead();
        }
        return Settlement.REFUND;
    }

    private OrderView order(String token) {
        return access.order(token).orElseThrow(PortalLinkInvalid::new);
    }

    /** The facade's refusal, put where the customer will read it: on the line, or above the form. */
    private static void explain(InvalidValue e, List<Integer> lineNos, BindingResult errors) {
        Matcher line = LINE_FIELD.matcher(e.field());
        String key;
        Object[] arguments = null;
        if (e instanceof ClaimNotEligible refused) {
            key = refused.messageKey();
            arguments = refused.arguments().toArray();
        } else if (e instanceof ClaimPhotos.PhotoRefused photo) {
            key = "portal.claim.photos." + photo.refusal();
            arguments = new Object[] {ClaimPhotos.MAX_COUNT};
        } else if (line.matches() && "exchangeSku".equals(line.group(2))) {
            // The catalogue's refusal (no variant of this product here), else the text's length.
            key = e.getMessage() != null && e.getMessage().contains("variant")
                    ? "portal.claim.variant.notOffered"
                    : "portal.claim.variant.invalid";
        } else if (line.matches()) {
            key = "portal.claim.quantity.invalid";
        } else if ("note".equals(e.field())) {
            errors.rejectValue("note", "portal.claim.note.invalid");
            return;
        } else {
            key = "portal.claim.refused";
        }
        if (line.matches() && Integer.parseInt(line.group(1)) < lineNos.size()) {
            int lineNo = lineNos.get(Integer.parseInt(line.group(1)));
            String field = "exchangeSku".equals(line.group(2)) ? "variant" : "quantity";
            errors.rejectValue(field + "[" + lineNo + "]", key, arguments, null);
        } else {
            errors.reject(key, arguments, null);
        }
    }

    private static String note(ClaimRequestForm form, boolean insteadOfExchange) {
        String note = isBlank(form.getNote()) ? null : form.getNote().strip();
        if (insteadOfExchange) {
            // Tells the operator this return was asked for as an exchange (nothing wanted in stock).
            note = "【交換の代わり】" + (note == null ? "" : note);
        }
        if (isBlank(form.getSurvey())) {
            return note;
        }
        // The survey the guarantee asks for travels with the claim, for the operator to read.
        return "【アンケート】" + form.getSurvey().strip() + (note == null ? "" : "\n" + note);
    }

    private static List<byte[]> photoBytes(List<MultipartFile> uploads) {
        List<byte[]> bytes = new ArrayList<>();
        if (uploads == null) {
            return bytes;
        }
        for (MultipartFile upload : uploads) {
            // An empty file input still sends a part with no name and no bytes.
            if (upload.isEmpty()
                    && (upload.getOriginalFilename() == null
                            || upload.getOriginalFilename().isEmpty())) {
                continue;
            }
            try {
                bytes.add(upload.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
