/**
 * Inquiries operators take down themselves: a phone call (with a callback inside the phone
 * hours), an on-site visit appointment, and the list of callbacks due today or late.
 */
package com.aftercare.web.console.calls;
