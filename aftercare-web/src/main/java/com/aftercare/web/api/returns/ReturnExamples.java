package com.aftercare.web.api.returns;

/** Examples shown in the OpenAPI description. */
final class ReturnExamples {

    private ReturnExamples() {}

    static final String OPEN = """
            {
              "orderNumber": "R-20261123-0001",
              "type": "RETURN",
              "reason": "SIZE",
              "lines": [{"sku": "TS-001-M-NAVY", "quantity": 1}],
              "note": "サイズが合いませんでした"
            }""";

    static final String OPENED = """
            {"rma": "RMA-2026-000123", "status": "REQUESTED", "duplicate": false}""";
}
