package com.aftercare.web.console.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.returns.rules.ClaimRules;
import com.aftercare.returns.rules.RuleAction;
import com.aftercare.returns.rules.RuleDrafts;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The rule editor over a real port: bad input answered at its field with 400 and nothing written,
 * no change without the page's CSRF token, operators kept out, another storefront's rule never
 * reachable through this storefront's pages, and the changes (add, move, switch off) audited.
 */
@AftercareIntegrationTest
class ClaimRulesConsoleHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    Storefronts storefronts;

    @Autowired
    ClaimRules rules;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront shop;
    ConsoleClient supervisor;
    String supervisorName;

    @BeforeEach
    void setUp() {
        shop = TestStorefronts.create(storefronts);
        supervisorName = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        supervisor = ConsoleClient.loggedInAs(port, supervisorName, TestOperators.PASSWORD);
    }

    private String list() {
        return "/console/policies/rules?storefront=" + shop.id().value();
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("position", "10");
        fields.put("name", "小額の返品");
        fields.put("action", "APPROVE");
        fields.put("types", "RETURN");
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private HttpResponse<String> add(Map<String, String> fields) {
        return supervisor.postForm(list(), list(), fields);
    }

    @Test
    void shouldAnswerBadInputAtItsFieldAndWriteNothing() {
        HttpResponse<String> notANumber = add(form("maxAmountYen", "5千円"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"maxAmountYen-error\"").contains("金額は半角数字（円）で入力してください。");

        HttpResponse<String> reversed = add(form("minDays", "10", "maxDays", "3"));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"maxDays-error\"").contains("下限以上の値を入力してください");

        HttpResponse<String> noReason = add(form("action", "REJECT"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reasonJa-error\"").contains("お断りの理由（日本語）を");

        HttpResponse<String> onSignal =
                add(form("action", "REJECT", "signal", "SOME", "reasonJa", "不可", "reasonEn", "No"));
        assertThat(onSignal.statusCode()).isEqualTo(400);
        assertThat(onSignal.body()).contains("兆候だけを理由にお断りはできません");

        HttpResponse<String> empty = add(form("types", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"types-error\"").contains("条件を1つ以上指定してください");

        HttpResponse<String> forgedAction = add(form("action", "DELETE_EVERYTHING"));
        assertThat(forgedAction.statusCode()).isEqualTo(400);

        assertThat(rules.listed(shop.id())).isEmpty();
        assertThat(supervisor.get("/console/policies/rules?storefront=abc").statusCode())
                .isEqualTo(404);
        assertThat(supervisor
                        .get("/console/policies/rules?storefront=999999999")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldRefuseAChangeWithoutTheCsrfTokenAndKeepOperatorsOut() {
        assertThat(supervisor.postWithoutToken(list(), form()).statusCode()).isEqualTo(403);
        assertThat(rules.listed(shop.id())).isEmpty();

        ConsoleClient operator = ConsoleClient.loggedInAs(
                port, TestOperators.create(operators, passwords, Operators.Role.OPERATOR), TestOperators.PASSWORD);
        assertThat(operator.get(list()).statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/policies/rules/dry-run?storefront="
                                + shop.id().value())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldNeverReachAnotherStorefrontsRule() {
        long id = rules.add(shop.id(), RuleDrafts.approveSmallReturns(), "supervisor-1");
        TestStorefront other = TestStorefronts.create(storefronts);
        String elsewhere = "?storefront=" + other.id().value();
        String otherList = "/console/policies/rules" + elsewhere;

        assertThat(supervisor.get("/console/policies/rules/" + id + elsewhere).statusCode())
                .isEqualTo(404);
        assertThat(supervisor.get(otherList).body()).doesNotContain("小額の返品は自動承認");
        assertThat(supervisor
                        .postForm(otherList, "/console/policies/rules/" + id + elsewhere, form("name", "盗み"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(supervisor
                        .postForm(otherList, "/console/policies/rules/" + id + "/delete" + elsewhere, Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(supervisor.postForm(otherList, "/console/policies/rules/" + id + "/enabled" + elsewhere, Map.of()))
                .extracting(HttpResponse::statusCode)
                .isEqualTo(404);
        assertThat(supervisor
                        .postForm(
                                otherList,
                                "/console/policies/rules/dry-run" + elsewhere + "&id=" + id,
                                form("name", "試し"))
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> tried = supervisor.postForm(
                list(),
                "/console/policies/rules/dry-run?storefront=" + shop.id().value() + "&id=" + id,
                form("name", "試し", "maxAmountYen", "-1"));
        assertThat(tried.statusCode()).as("a bad draft goes back to its form").isEqualTo(400);
        assertThat(tried.body()).contains("id=\"maxAmountYen-error\"");
        HttpResponse<String> unsaved = supervisor.postForm(
                list(),
                "/console/policies/rules/dry-run?storefront=" + shop.id().value() + "&id=" + id,
                form("name", "試し"));
        assertThat(unsaved.statusCode()).isEqualTo(200);
        assertThat(unsaved.body()).contains("編集中のルール「試し」（未保存）").contains("id=\"total-claims\"");

        assertThat(rules.listed(shop.id())).singleElement().satisfies(l -> {
            assertThat(l.rule().name()).isEqualTo("小額の返品は自動承認");
            assertThat(l.enabled()).isTrue();
        });
    }

    @Test
    void shouldAddEditMoveAndSwitchOffRulesAudited() {
        assertThat(add(form("name", "一番目")).statusCode()).isEqualTo(302);
        assertThat(add(form("position", "20", "name", "二番目", "action", "HOLD", "signal", "SOME", "types", ""))
                        .statusCode())
                .isEqualTo(302);
        long second = rules.listed(shop.id()).get(1).rule().id();

        HttpResponse<String> moved = supervisor.postForm(
                list(),
                "/console/policies/rules/" + second + "/move?storefront="
                        + shop.id().value() + "&up=true",
                Map.of());
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(rules.listed(shop.id())).extracting(l -> l.rule().name()).containsExactly("二番目", "一番目");

        String editPage =
                "/console/policies/rules/" + second + "?storefront=" + shop.id().value();
        assertThat(supervisor.get(editPage).body()).contains("value=\"二番目\"");
        assertThat(supervisor
                        .postForm(editPage, editPage, form("name", "兆候は保留", "action", "HOLD"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(supervisor
                        .postForm(
                                list(),
                                "/console/policies/rules/" + second + "/enabled?storefront="
                                        + shop.id().value() + "&enabled=false",
                                Map.of())
                        .statusCode())
                .isEqualTo(302);

        assertThat(rules.of(shop.id()))
                .as("a switched-off rule is not tried")
                .extracting(r -> r.name())
                .containsExactly("一番目");
        assertThat(rules.listed(shop.id()).get(0).rule().action()).isEqualTo(RuleAction.HOLD);
        String page = supervisor.get(list()).body();
        assertThat(page).contains("兆候は保留").contains("無効").contains("最初のルールだけが適用されます");
        assertThat(jdbc.sql("select action from audit_log where actor = :a and action like 'claim-rule.%' order by id")
                        .param("a", supervisorName)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "claim-rule.added",
                        "claim-rule.added",
                        "claim-rule.moved",
                        "claim-rule.changed",
                        "claim-rule.disabled");
    }
}
