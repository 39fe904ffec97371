/**
 * The console's mail templates page: every mail the product sends, each template's version per
 * language for the whole shop or one storefront, checked when saved and previewed on a sample
 * order (discreet or not).
 */
package com.aftercare.web.console.mail;
