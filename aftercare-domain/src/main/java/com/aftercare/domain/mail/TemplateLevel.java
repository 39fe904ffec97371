package com.aftercare.domain.mail;

/** Where the version of a template in use comes from, the most specific first. */
public enum TemplateLevel {
    /** A storefront's own version, saved in the console. */
    STOREFRONT,
    /** The shop's own version, saved in the console. */
    SHOP,
    /** The version shipped with the application. */
    SHIPPED,
    /** None in this language (the shop's default language's is used). */
    NONE
}
