package com.aftercare.web.console.inquiries;

/** The htmx request headers the desk's screens answer to. */
final class Htmx {

    /** Sent by htmx with every request it makes. */
    static final String REQUEST = "HX-Request";

    /** A history restore: htmx wants the whole page again. */
    static final String HISTORY_RESTORE = "HX-History-Restore-Request";

    private Htmx() {}

    /** True when htmx asks for a fragment (not for a history restore, which needs the whole page). */
    static boolean wantsFragment(String htmx, String restore) {
        return "true".equals(htmx) && !"true".equals(restore);
    }
}
