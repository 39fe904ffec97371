package com.aftercare.web.console;

/** Every console view name in one place, so a template move is a one-line change. */
public final class ConsoleViews {

    public static final String LOGIN = "console/login";
    public static final String TWO_FACTOR_CODE = "signin/code";
    public static final String TWO_FACTOR_SETUP = "signin/setup";
    public static final String TWO_FACTOR_RECOVERY_CODES = "signin/recovery-codes";
    public static final String TWO_FACTOR_ACCOUNT = "signin/account";
    public static final String HOME = "console/home";
    public static final String ERROR = "console/error";
    public static final String ADMIN_OPERATORS = "admin/operators";
    public static final String ADMIN_STOREFRONTS = "admin/storefronts";
    public static final String ADMIN_KEY_ROW = "admin/key-row :: keyRow";
    public static final String ADMIN_KEY_ISSUED = "admin/key-issued";
    public static final String ADMIN_AUDIT = "admin/audit";
    public static final String ADMIN_PRIVACY = "admin/privacy";
    public static final String ADMIN_MAIL = "admin/mail";
    public static final String ADMIN_SENDER = "admin/sender";
    public static final String ADMIN_WEBHOOKS = "admin/webhooks";
    public static final String CUSTOMER_TIMELINE = "customers/timeline";
    public static final String CUSTOMER_PRIVACY = "customers/privacy";
    public static final String CUSTOMER_MERGE = "customers/merge";
    public static final String INQUIRY_QUEUE = "inquiries/queue";
    public static final String INQUIRY = "inquiries/inquiry";
    public static final String SEARCH = "search/search";
    public static final String INQUIRY_QUEUE_LIST = "inquiries/queue :: list";
    public static final String INQUIRY_QUEUE_MORE = "inquiries/queue :: more";
    public static final String INQUIRY_AFTER_REPLY = "inquiries/inquiry-updates :: afterReply";
    public static final String INQUIRY_AFTER_NOTE = "inquiries/inquiry-updates :: afterNote";
    public static final String INQUIRY_REPLY_FORM = "inquiries/inquiry :: replyForm";
    public static final String CANNED_RESPONSES = "knowledge/canned-responses";
    public static final String CANNED_RESPONSE = "knowledge/canned-response";
    public static final String FAQ_ARTICLES = "knowledge/faq-articles";
    public static final String FAQ_ARTICLE = "knowledge/faq-article";
    public static final String DESK_TEAMS = "desk/teams";
    public static final String DESK_RULES = "desk/rules";
    public static final String AUTOMATIONS = "automation/automations";
    public static final String AUTOMATION = "automation/automation";
    public static final String MACROS = "automation/macros";
    public static final String MACRO = "automation/macro";
    public static final String DESK_REASSIGN = "desk/reassign";
    public static final String DESK_CALL = "desk/call";
    public static final String DESK_VISIT = "desk/visit";
    public static final String DESK_CALLBACKS = "desk/callbacks";
    public static final String DESK_FIGURES = "desk/figures";
    public static final String CLAIM_QUEUE = "claims/queue";
    public static final String CLAIM = "claims/claim";
    public static final String CLAIM_FIGURES = "claims/figures";
    public static final String RETURN_SHIPMENTS = "returns/shipments";
    public static final String RETURN_SETTINGS = "returns/settings";
    public static final String STEPMAIL_SCENARIOS = "stepmail/scenarios";
    public static final String STEPMAIL_SCENARIO = "stepmail/scenario";
    public static final String STEPMAIL_STEP = "stepmail/step";
    public static final String STEPMAIL_BOUNCES = "stepmail/bounces";
    public static final String STEPMAIL_TIPS = "stepmail/tips";
    public static final String MAIL_TEMPLATES = "mail/templates";
    public static final String MAIL_TEMPLATE = "mail/template";
    public static final String POLICIES = "policies/policies";
    public static final String CLAIM_RULES = "rules/rules";
    public static final String CLAIM_RULE = "rules/rule";
    public static final String CLAIM_RULES_DRY_RUN = "rules/dry-run";
    public static final String MARKETING_COUPONS = "marketing/coupons";
    public static final String MARKETING_NEWSLETTERS = "marketing/newsletters";
    public static final String MARKETING_PACKING_INSERT = "marketing/packing-insert";
    public static final String PACKING_CARDS = "packing/cards";
    public static final String ADMIN_SHOPIFY = "admin/shopify";
    public static final String ADMIN_LINE = "admin/line";
    public static final String ADMIN_STOCK_CHECK = "admin/stock-check";
    public static final String ADMIN_IMPORTS = "admin/imports";
    public static final String ADMIN_IMPORT = "admin/import";

    private ConsoleViews() {}

    public static String redirect(String path) {
        return "redirect:" + path;
    }
}
