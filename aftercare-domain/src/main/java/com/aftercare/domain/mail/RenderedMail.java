package com.aftercare.domain.mail;

import org.springframework.web.util.HtmlUtils;

/** A template rendered with its variables; {@code html} is null for a plain-text-only template. */
public record RenderedMail(String subject, String text, String html) {

    /** The same mail with a signature block below its text (and, escaped, below its HTML). */
    public RenderedMail signedWith(String signature) {
        String html = this.html == null
                ? null
                : this.html + "\n<pre class=\"signature\">" + HtmlUtils.htmlEscape(signature) + "</pre>";
        return new RenderedMail(subject, text.stripTrailing() + "\n\n" + signature + "\n", html);
    }
}
