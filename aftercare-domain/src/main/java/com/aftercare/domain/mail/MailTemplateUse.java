package com.aftercare.domain.mail;

import java.util.List;
import java.util.Optional;

/**
 * Implemented by each module that sends templated mail: which templates it sends and with what
 * variables, so the console lists every mail of the product, checks a shop's version against what
 * the mail really gets, and previews it with the module's own variable builder.
 */
public interface MailTemplateUse {

    /** The templates this module sends under a fixed code. */
    List<MailTemplateDeclaration> declarations();

    /**
     * A template nobody declares (shipped for, or written for, a module that lets the shop choose
     * among templates, as step mail's steps do), when this module can use it.
     */
    default Optional<MailTemplateDeclaration> adopt(String code) {
        return Optional.empty();
    }
}
