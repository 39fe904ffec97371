package com.aftercare.web.console.search;

/**
 * What the search box asks: the words ({@code q}, absent before anything was asked), which group
 * of results ({@code in}) and, paging through one group, the cursor to continue before.
 */
record SearchForm(String q, String in, Long before) {}
