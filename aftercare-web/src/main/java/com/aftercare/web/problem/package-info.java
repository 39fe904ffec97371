/**
 * RFC 9457 problems written outside Spring MVC, for the filters that answer before any controller
 * is chosen: the API's body limit and its security door. Its own package because both use it, and
 * the API already depends on security (for the storefront a key stands for), not the other way.
 */
package com.aftercare.web.problem;
