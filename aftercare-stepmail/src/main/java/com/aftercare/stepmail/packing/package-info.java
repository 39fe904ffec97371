/**
 * Packing inserts (同梱の手紙): a printable thank-you card per shipped order, from a card the
 * shop writes in the console (checked when saved), personalised with the order mail variables,
 * so a discreet order's card names no product. {@link com.aftercare.stepmail.packing.PackingInserts}
 * is the facade.
 */
package com.aftercare.stepmail.packing;
