/**
 * RFC 9457 problems written outside Spring MVC, for the filters that answer before any controller
 * is chosen: the API's body limit and its security door. Its own package because both use it, and
 * the API already depends on security (for the storefront a key stands for), not the other way.
 *
 * <p>Also the one home of requests refused before a controller, for every surface: what cannot be
 * read ({@code UnreadableRequests}), what the firewall rejects ({@code RejectedRequests}), what
 * Tomcat refuses itself ({@code ContainerErrorValve}) and the {@code /error} dispatch
 * ({@code ErrorPages}): a problem on the API, a page in the person's language elsewhere.
 */
package com.aftercare.web.problem;
