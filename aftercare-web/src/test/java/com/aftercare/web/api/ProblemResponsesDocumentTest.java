package com.aftercare.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document lists the RFC 9457 problems of every operation, as {@link ProblemResponses}
 * declares them once: 401 everywhere, 400/413/415 wherever a JSON body is read, and each
 * operation's own 404, 409 and 422 in its own words.
 */
@AftercareIntegrationTest
class ProblemResponsesDocumentTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String SHOPIFY = "/api/v1/webhooks/shopify/{storefront}/post";
    private static final String LINE = "/api/v1/webhooks/line/{storefront}/post";

    @LocalServerPort
    int port;

    JsonNode docs;

    @BeforeEach
    void readDocument() {
        Api.Answer answer = new Api(port, null).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        docs = answer.json();
    }

    @Test
    void shouldListAMissingKeyAsAProblemOfEveryOperation() {
        List<String> operations = operations();

        assertThat(operations).hasSize(19);
        for (String operation : operations) {
            assertThat(problem(operation, "401").path("description").asString())
                    .as(operation)
                    .isEqualTo(
                            operation.equals(SHOPIFY)
                                    ? "Missing or wrong X-Shopify-Hmac-Sha256 for this storefront"
                                    : operation.equals(LINE)
                                            ? "Missing or wrong X-Line-Signature for this storefront"
                                            : "Missing, unknown or revoked API key");
        }
    }

    @Test
    void shouldListBadInputOversizedBodiesAndWrongContentTypesForEveryOperationThatReadsABody() {
        List<String> posts =
                operations().stream().filter(o -> o.endsWith("/post")).toList();

        assertThat(posts).hasSize(8);
        for (String operation : posts) {
            assertThat(problem(operation, "400").path("description").asString())
                    .as(operation)
                    .isNotBlank();
            assertThat(problem(operation, "413").path("description").asString())
                    .as(operation)
                    .isEqualTo("Body over 1 MiB");
            assertThat(problem(operation, "415").path("description").asString())
                    .as(operation)
                    .isEqualTo("Not application/json");
        }
    }

    @Test
    void shouldDescribeEachOperationsOwnProblemsInItsOwnWords() {
        Map<String, String> expected = Map.of(
                "/api/v1/events/post 400",
                "Malformed event; the problem names each field",
                "/api/v1/events/post 409",
                "Event id reused with a different body",
                "/api/v1/returns/post 404",
                "No such order for this storefront",
                "/api/v1/returns/post 409",
                "The Idempotency-Key was used for a different request",
                "/api/v1/returns/{rma}/get 404",
                "No such claim for this storefront",
                "/api/v1/inquiries/{reference}/messages/post 404",
                "No such inquiry for this storefront",
                "/api/v1/inquiries/{reference}/messages/post 409",
                "The Idempotency-Key was used for a different message",
                "/api/v1/orders/{orderNumber}/get 404",
                "No such order for this storefront",
                SHOPIFY + " 409",
                "The webhook id was used before with a different body");

        expected.forEach((operationAndStatus, description) -> {
            String[] parts = operationAndStatus.split(" ");
            assertThat(problem(parts[0], parts[1]).path("description").asString())
                    .as(operationAndStatus)
                    .isEqualTo(description);
        });
        assertThat(problem("/api/v1/returns/post", "422").path("description").asString())
                .startsWith("The rules refuse it");
    }

    @Test
    void shouldStillDescribeTheAnswerOfEveryReadWithItsSchema() {
        assertThat(success("/api/v1/orders/{orderNumber}/get")).isEqualTo("#/components/schemas/Order");
        assertThat(success("/api/v1/customers/get")).isEqualTo("#/components/schemas/Customer");
        assertThat(success("/api/v1/inquiries/{reference}/get")).isEqualTo("#/components/schemas/Inquiry");
        assertThat(success("/api/v1/returns/{rma}/get")).isEqualTo("#/components/schemas/Return");
        assertThat(docs.at("/components/schemas/Line/properties").propertyNames())
                .as("an order line keeps its own schema")
                .contains("lineNo", "unitPrice");
    }

    @Test
    void shouldAnswerEveryListedProblemAsProblemJson() {
        for (String operation : operations()) {
            JsonNode responses = at(operation).path("responses");
            for (String status : responses.propertyNames()) {
                if (status.startsWith("4")) {
                    assertThat(responses.path(status).path("content").propertyNames())
                            .as(operation + " " + status)
                            .containsExactly(PROBLEM);
                }
            }
        }
    }

    /** Every operation of the API as "{path}/{method}". */
    private List<String> operations() {
        List<String> operations = new ArrayList<>();
        JsonNode paths = docs.path("paths");
        for (String path : paths.propertyNames()) {
            if (path.startsWith("/api/")) {
                paths.path(path).propertyNames().forEach(method -> operations.add(path + "/" + method));
            }
        }
        return operations;
    }

    private JsonNode at(String operation) {
        int split = operation.lastIndexOf('/');
        return docs.path("paths").path(operation.substring(0, split)).path(operation.substring(split + 1));
    }

    private JsonNode problem(String operation, String status) {
        JsonNode response = at(operation).path("responses").path(status);
        assertThat(response.path("content").has(PROBLEM))
                .as(operation + " lists " + status + " as a problem")
                .isTrue();
        return response;
    }

    private String success(String operation) {
        return at(operation)
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asString();
    }
}
