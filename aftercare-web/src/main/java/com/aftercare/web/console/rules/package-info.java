/**
 * The console's screens for the storefronts' automatic approval rules (#13 §2): the editor (list in
 * the order the rules are tried, add, change, move, switch off, delete) and the dry run over the
 * last 90 days of claims. The rules and their checks are the returns module's
 * ({@code com.aftercare.returns.rules}); these controllers only bind forms and choose pages.
 */
package com.aftercare.web.console.rules;
