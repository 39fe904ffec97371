package com.aftercare.web.api.inquiries;

/** Examples shown in the OpenAPI description. */
final class InquiryExamples {

    private InquiryExamples() {}

    static final String OPEN = """
            {
              "channel": "WEB_FORM",
              "customer": {"email": "hanako@example.jp", "name": "山田 花子", "phone": "090-1234-5678"},
              "orderNumber": "R-20261123-0001",
              "category": "SHIPPING",
              "subject": "お届け日の変更について",
              "body": "12月1日の午前中に変更できますか。"
            }""";

    static final String OPENED = """
            {"id": "INQ-2026-000123", "reference": "INQ-2026-000123", "status": "NEW", "duplicate": false}""";

    static final String MESSAGE = """
            {"body": "午後でも大丈夫です。", "author": "山田 花子"}""";
}
