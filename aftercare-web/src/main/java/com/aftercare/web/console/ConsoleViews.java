package com.aftercare.web.console;

/** Every console view name in one place, so a template move is a one-line change. */
public final class ConsoleViews {

    public static final String LOGIN = "console/login";
    public static final String HOME = "console/home";
    public static final String ERROR = "console/error";
    public static final String ADMIN_OPERATORS = "admin/operators";
    public static final String ADMIN_STOREFRONTS = "admin/storefronts";
    public static final String ADMIN_KEY_ROW = "admin/key-row :: keyRow";
    public static final String ADMIN_KEY_ISSUED = "admin/key-issued";
    public static final String ADMIN_AUDIT = "admin/audit";
    public static final String ADMIN_MAIL = "admin/mail";
    public static final String CUSTOMER_SEARCH = "customers/search";
    public static final String CUSTOMER_TIMELINE = "customers/timeline";
    public static final String INQUIRY_QUEUE = "inquiries/queue";
    public static final String INQUIRY = "inquiries/inquiry";
    public static final String MARKETING_COUPONS = "marketing/coupons";
    public static final String MARKETING_NEWSLETTERS = "marketing/newsletters";
    public static final String MARKETING_PACKING_INSERT = "marketing/packing-insert";
    public static final String PACKING_CARDS = "packing/cards";

    private ConsoleViews() {}

    public static String redirect(String path) {
        return "redirect:" + path;
    }
}
