/**
 * Search for the console, Japanese first: {@link com.aftercare.domain.search.SearchText} normalises
 * text the way V11's {@code search_norm} does, {@link com.aftercare.domain.search.SearchQuery}
 * turns what an operator typed into terms and the SQL condition against the character-pair GIN
 * indexes (and, for ASCII terms on customers and orders, V122's groups of four), and {@link com.aftercare.domain.search.CustomerSearch} finds customers and orders with
 * it (inquiries are searched by the inquiry module's {@code InquirySearch}). See docs/search.md.
 */
package com.aftercare.domain.search;
