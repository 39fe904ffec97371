package com.aftercare.web.console.knowledge;

import com.aftercare.domain.shared.NotFound;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.console.ConsoleForms;
import com.aftercare.web.console.ConsoleViews;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * FAQ articles for SUPERVISOR and ADMIN: drafts (often promoted from a reply by an operator) are
 * reworded here and published to the portal's public FAQ page, or taken back.
 */
@Controller
@RequestMapping("/console/faq")
class FaqConsoleController {

    private static final String HERE = "/console/faq";
    private static final String FORM = "form";

    private final FaqArticles faq;

    FaqConsoleController(FaqArticles faq) {
        this.faq = faq;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute(FORM, FaqArticleForm.empty());
        return listPage(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute(FORM) FaqArticleForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    long id = faq.draft(form.draft(), supervisor.getName());
                    redirect.addFlashAttribute("notice", "faq.notice.drafted");
                    return ConsoleViews.redirect(HERE + "/" + id);
                },
                () -> listPage(model));
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        FaqArticles.ArticleView article = find(id);
        model.addAttribute(FORM, FaqArticleForm.of(article));
        return editPage(article, model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute(FORM) FaqArticleForm form,
            BindingResult errors,
            Principal supervisor,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        FaqArticles.ArticleView article = find(id);
        return ConsoleForms.submit(
                errors,
                response,
                () -> {
                    faq.update(id, form.draft(), supervisor.getName());
                    redirect.addFlashAttribute("notice", "faq.notice.saved");
                    return ConsoleViews.redirect(HERE + "/" + id);
                },
                () -> editPage(article, model));
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        faq.publish(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "faq.notice.published");
        return ConsoleViews.redirect(HERE + "/" + id);
    }

    @PostMapping("/{id}/unpublish")
    String unpublish(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        faq.unpublish(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "faq.notice.unpublished");
        return ConsoleViews.redirect(HERE + "/" + id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Principal supervisor, RedirectAttributes redirect) {
        faq.delete(id, supervisor.getName());
        redirect.addFlashAttribute("notice", "faq.notice.deleted");
        return ConsoleViews.redirect(HERE);
    }

    private FaqArticles.ArticleView find(long id) {
        return faq.find(id).orElseThrow(() -> NotFound.faqArticle(id));
    }

    private String listPage(Model model) {
        model.addAttribute("articles", faq.all());
        return formPage(model, ConsoleViews.FAQ_ARTICLES);
    }

    private String editPage(FaqArticles.ArticleView article, Model model) {
        model.addAttribute("article", article);
        return formPage(model, ConsoleViews.FAQ_ARTICLE);
    }

    private static String formPage(Model model, String view) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("maxBody", Inquiries.MAX_BODY);
        return view;
    }
}
