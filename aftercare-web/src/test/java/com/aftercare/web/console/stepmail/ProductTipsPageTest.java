package com.aftercare.web.console.stepmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The usage-tips page over real HTTP: save, replace, delete, audited; bad input at its field. */
@AftercareIntegrationTest
class ProductTipsPageTest {

    private static final String PAGE = "/console/stepmail/tips";
    private static final String PASSWORD = "tips-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcClient jdbc;

    ConsoleClient supervisor;

    @BeforeEach
    void supervisorSignsIn() {
        supervisor = as(Operators.Role.SUPERVISOR);
    }

    @Test
    void shouldSaveReplaceAndDeleteTheTipsOfASku() {
        String sku = Events.unique("SKU");

        HttpResponse<String> saved = supervisor.postForm(PAGE, PAGE, form(sku, "", "最初のヒント"));
        HttpResponse<String> replaced = supervisor.postForm(PAGE, PAGE, form(" " + sku + " ", "", "新しいヒント"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(replaced.statusCode()).isEqualTo(302);
        assertThat(tipsOf(sku)).isEqualTo("新しいヒント");
        String page = supervisor.get(PAGE).body();
        assertThat(page).contains("SKU " + sku).contains("新しいヒント").doesNotContain("最初のヒント");

        long id = jdbc.sql("select id from product_tip where sku = :sku")
                .param("sku", sku)
                .query(Long.class)
                .single();
        assertThat(supervisor
                        .postForm(PAGE, PAGE + "/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(supervisor
                        .postForm(PAGE, PAGE + "/" + id + "/delete", Map.of())
                        .statusCode())
                .as("already gone")
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from product_tip where sku = :sku")
                        .param("sku", sku)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where target_type = 'product_tip' and target_id = :key
                        """).param("key", "sku:" + sku).query(Long.class).single())
                .as("two saves and a delete")
                .isEqualTo(3);
    }

    @Test
    void shouldAnswerBadInputAtItsFieldAndSaveNothing() {
        String sku = Events.unique("SKU");

        HttpResponse<String> both = supervisor.postForm(PAGE, PAGE, form(sku, "kitchen", "ヒント"));
        HttpResponse<String> neither = supervisor.postForm(PAGE, PAGE, form("", " ", "ヒント"));
        HttpResponse<String> empty = supervisor.postForm(PAGE, PAGE, form(sku, "", "  "));
        HttpResponse<String> tooLong = supervisor.postForm(PAGE, PAGE, form(sku, "", "あ".repeat(2001)));
        HttpResponse<String> control = supervisor.postForm(PAGE, PAGE, form(sku, "", "ベル\u0007"));

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("id=\"sku-error\"");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("id=\"sku-error\"");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"tips-error\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"tips-error\"");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("id=\"tips-error\"");
        assertThat(tipsOf(sku)).isNull();
    }

    @Test
    void shouldKeepOperatorsOutAndRefuseFormsWithoutTheirToken() {
        ConsoleClient operator = as(Operators.Role.OPERATOR);

        assertThat(operator.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(operator.postForm("/console", PAGE, form("X-1", "", "ヒント")).statusCode())
                .isEqualTo(403);
        assertThat(supervisor.postWithoutToken(PAGE, form("X-1", "", "ヒント")).statusCode())
                .isEqualTo(403);
        assertThat(tipsOf("X-1")).isNull();
    }

    private String tipsOf(String sku) {
        return jdbc.sql("select tips from product_tip where sku = :sku")
                .param("sku", sku)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static Map<String, String> form(String sku, String category, String tips) {
        Map<String, String> form = new HashMap<>();
        form.put("sku", sku);
        form.put("category", category);
        form.put("tips", tips);
        return form;
    }

    private ConsoleClient as(Operators.Role role) {
        String username = Events.unique(role.name().toLowerCase());
        operators.create(username, encoder.encode(PASSWORD), "ヒント " + role, role);
        return ConsoleClient.loggedInAs(port, username, PASSWORD);
    }
}
