package com.aftercare.web.console.knowledge;

import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.FaqArticles;
import com.aftercare.inquiry.Inquiries;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An FAQ article as a supervisor edits it. */
record FaqArticleForm(
        @NotBlank @Size(max = FaqArticles.MAX_QUESTION) String question,
        @NotBlank @Size(max = Inquiries.MAX_BODY) String answer,
        @NotNull Category category) {

    static FaqArticleForm empty() {
        return new FaqArticleForm("", "", Category.OTHER);
    }

    static FaqArticleForm of(FaqArticles.ArticleView view) {
        return new FaqArticleForm(view.question(), view.answer(), view.category());
    }

    FaqArticles.ArticleDraft draft() {
        return new FaqArticles.ArticleDraft(question, answer, category);
    }
}
