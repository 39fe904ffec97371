package com.aftercare.domain.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A mail template a module sends, as the console lists and checks it.
 *
 * @param code the template's code ({@code claim-approved})
 * @param group the console's heading for it, a message key ({@code mail.group.claims})
 * @param kind what it is sent as; null when each use decides (a step mail's step)
 * @param variables what a version of it may name, with samples of their shape (checked at save)
 * @param preview the module's real variable builder, run on a sample order (discreet or not)
 * @param requiredInSubject variables every version's subject must show (the inquiry reference a
 *     customer's answer is threaded by)
 */
public record MailTemplateDeclaration(
        String code,
        String group,
        MailKind kind,
        TemplateVariables variables,
        Function<MailSample, Map<String, Object>> preview,
        List<String> requiredInSubject) {

    public MailTemplateDeclaration {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(preview, "preview");
        requiredInSubject = List.copyOf(requiredInSubject);
    }

    public MailTemplateDeclaration(
            String code,
            String group,
            MailKind kind,
            TemplateVariables variables,
            Function<MailSample, Map<String, Object>> preview) {
        this(code, group, kind, variables, preview, List.of());
    }
}
