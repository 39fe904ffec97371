package com.aftercare.web.console.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.web.support.Api;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/** People and inquiries for the knowledge tests: console users of a role, inquiries from a storefront. */
final class Desk {

    static final String PASSWORD = "desk-パスワード-1";

    private Desk() {}

    static ConsoleClient logIn(int port, Operators operators, PasswordEncoder encoder, Operators.Role role) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(username, encoder.encode(PASSWORD), "担当 " + username, role);
        return ConsoleClient.loggedInAs(port, username, PASSWORD);
    }

    /** Opens a WEB_FORM inquiry, noted in {@code opened}; {@code orderNumber} may be null. Returns its reference. */
    static String inquiry(Api api, List<String> opened, String email, String orderNumber, String subject, String body) {
        JsonMapper json = JsonMapper.builder().build();
        Api.Answer answer =
                api.post("/api/v1/inquiries", "application/json", HttpRequest.BodyPublishers.ofString("""
                        {"channel": "WEB_FORM", "customer": {"email": "%s", "name": "山田 花子"},
                         "category": "SHIPPING", "orderNumber": %s, "subject": %s, "body": %s}
                        """.formatted(
                                email,
                                orderNumber == null ? "null" : json.writeValueAsString(orderNumber),
                                json.writeValueAsString(subject),
                                json.writeValueAsString(body))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String reference = answer.json().get("reference").asString();
        opened.add(reference);
        return reference;
    }

    /**
     * Resolves what a test opened: the console tests of other classes expect their own inquiries
     * on the queue's first page of the shared database.
     */
    static void resolve(Inquiries inquiries, List<String> opened) {
        opened.forEach(reference -> inquiries.resolve(reference, "admin"));
        opened.clear();
    }

    static String email(String prefix) {
        return Events.unique(prefix) + "@example.jp";
    }
}
