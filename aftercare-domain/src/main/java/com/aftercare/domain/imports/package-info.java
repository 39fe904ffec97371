/**
 * Order CSV imports for malls and carts that push nothing: an operator uploads a mall's export,
 * maps its columns onto our fields once per storefront, sees the first rows checked, and a
 * background worker on any instance turns each order of the file into the same storefront events
 * {@code POST /api/v1/events} makes, through {@link com.aftercare.domain.ingest.EventIngestion}.
 * Event ids come from the storefront's order number, the event type and the row's content, so
 * importing the same file again changes nothing. Face: {@link OrderImports}.
 */
package com.aftercare.domain.imports;
