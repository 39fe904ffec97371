package com.aftercare.web.api.returns;

/** Example answers of the read API's claim list, for the OpenAPI description. */
final class ReadExamples {

    private ReadExamples() {}

    static final String CLAIMS = """
            {
              "items": [
                {
                  "rma": "RMA-2026-000123",
                  "status": "APPROVED",
                  "type": "RETURN",
                  "reason": "SIZE",
                  "orderNumber": "R-10001",
                  "requestedAt": "2026-12-01T02:15:00Z",
                  "resolvedAt": null,
                  "updatedAt": "2026-12-02T05:40:12.345678Z"
                }
              ],
              "nextCursor": "djE6MTc2NDY1NDAxMjozNDU2NzgwMDA6NDI"
            }""";
}
