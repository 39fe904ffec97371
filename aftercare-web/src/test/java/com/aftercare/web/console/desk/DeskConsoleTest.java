package com.aftercare.web.console.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.ConsoleClient;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The desk's console pages over HTTP: who may manage teams and rules, the rule form's answers to
 * bad input, a supervisor's reassignment in the inquiry's trail, and the queue narrowed to one
 * person or team.
 */
@AftercareIntegrationTest
class DeskConsoleTest {

    private static final String RULES = "/console/assignment-rules";
    private static final String TEAMS = "/console/teams";

    @LocalServerPort
    int port;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Teams teams;

    @Autowired
    Inquiries inquiries;

    @Autowired
    Storefronts storefronts;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String operator;
    String supervisor;
    String team;
    ConsoleClient asOperator;
    ConsoleClient asSupervisor;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        operator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        supervisor = TestOperators.create(operators, passwords, Operators.Role.SUPERVISOR);
        team = "t-" + UUID.randomUUID().toString().substring(0, 8);
        teams.create(team, "返品チーム " + team, "admin");
        teams.addMember(team, operator, "admin");
        asOperator = ConsoleClient.loggedInAs(port, operator, TestOperators.PASSWORD);
        asSupervisor = ConsoleClient.loggedInAs(port, supervisor, TestOperators.PASSWORD);
    }

    @AfterEach
    void removeRulesAndCloseInquiries() {
        jdbc.sql("delete from assignment_rule where storefront_id = :s")
                .param("s", storefront.id().value())
                .update();
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    long rulesOfMyStorefront() {
        return jdbc.sql("select count(*) from assignment_rule where storefront_id = :s")
                .param("s", storefront.id().value())
                .query(Long.class)
                .single();
    }

    Map<String, String> rule(String teamCode) {
        return Map.of(
                "position", "10",
                "channel", "EMAIL",
                "category", "",
                "storefront", String.valueOf(storefront.id().value()),
                "team", teamCode,
                "strategy", "ROUND_ROBIN");
    }

    String open() {
        return inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        Channel.EMAIL,
                        Events.unique("desk") + "@example.jp",
                        "鈴木 一郎",
                        null,
                        null,
                        Category.RETURN,
                        Priority.NORMAL,
                        "返品について",
                        "返品できますか。",
                        null))
                .reference();
    }

    @Test
    void shouldLetASupervisorAddARuleThatRoutesNewInquiries() {
        HttpResponse<String> answer = asSupervisor.postForm(RULES, RULES, rule(team));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(rulesOfMyStorefront()).isEqualTo(1);
        String reference = open();
        InquiryView inquiry = inquiries.find(reference).orElseThrow();
        assertThat(inquiry.team()).isEqualTo(team);
        assertThat(inquiry.assigneeOperatorId())
                .isEqualTo(operators.find(operator).orElseThrow().id());
        assertThat(asSupervisor.get(RULES).body()).contains("返品チーム " + team);
    }

    @Test
    void shouldAnswerARuleForAnUnknownTeamWithAFieldMessage() {
        HttpResponse<String> answer = asSupervisor.postForm(RULES, RULES, rule("no-such-team"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("team-error").contains("既存のチームを選んでください。");
        assertThat(rulesOfMyStorefront()).isZero();
    }

    @Test
    void shouldAnswerAnEmptyRuleWithFieldMessages() {
        HttpResponse<String> answer = asSupervisor.postForm(
                RULES,
                RULES,
                Map.of("position", "", "channel", "", "category", "", "storefront", "", "team", "", "strategy", ""));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("team-error")
                .contains("チームを選んでください。")
                .contains("position-error")
                .contains("strategy-error");
    }

    @Test
    void shouldAnswerAGarbledRuleWithFieldMessagesNotAnError() {
        Map<String, String> garbled = new java.util.HashMap<>(rule(team));
        garbled.put("strategy", "EVERYONE");
        garbled.put("position", "first");

        HttpResponse<String> answer = asSupervisor.postForm(RULES, RULES, garbled);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("strategy-error").contains("position-error");
        assertThat(rulesOfMyStorefront()).isZero();
    }

    @Test
    void shouldForbidAnOperatorToSeeOrChangeRulesAndTeams() {
        assertThat(asOperator.get(RULES).statusCode()).isEqualTo(403);
        assertThat(asOperator.get(TEAMS).statusCode()).isEqualTo(403);
        // a token from a page the operator may see, so only the role is refused
        HttpResponse<String> post = asOperator.postForm("/console/inquiries", RULES, rule(team));

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(rulesOfMyStorefront()).isZero();
        assertThat(asOperator
                        .postForm(
                                "/console/inquiries", TEAMS + "/availability/" + operator, Map.of("available", "false"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldLetASupervisorCreateATeamAddAMemberAndMarkThemUnavailable() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(asSupervisor
                        .postForm(TEAMS, TEAMS, Map.of("code", code, "name", "配送チーム"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(asSupervisor
                        .postForm(TEAMS, TEAMS + "/" + code + "/members", Map.of("username", operator))
                        .statusCode())
                .isEqualTo(302);
        assertThat(asSupervisor
                        .postForm(TEAMS, TEAMS + "/availability/" + operator, Map.of("available", "false"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(teams.all())
                .filteredOn(t -> t.code().equals(code))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.name()).isEqualTo("配送チーム");
                    assertThat(t.members()).singleElement().satisfies(m -> {
                        assertThat(m.username()).isEqualTo(operator);
                        assertThat(m.available()).isFalse();
                    });
                });
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :a")
                        .param("a", supervisor)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void shouldRefuseATeamWithABadOrTakenCode() {
        HttpResponse<String> bad = asSupervisor.postForm(TEAMS, TEAMS, Map.of("code", "Bad Code!", "name", "x"));
        HttpResponse<String> taken = asSupervisor.postForm(TEAMS, TEAMS, Map.of("code", team, "name", "x"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("code-error");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("code-error");
    }

    @Test
    void shouldLetASupervisorReassignToAnOperatorAndToATeamInTheTrail() {
        String reference = open();
        String page = "/console/inquiries/" + reference;
        String reassign = page + "/reassign";

        assertThat(asSupervisor
                        .postForm(reassign, reassign, Map.of("assignee", operator))
                        .statusCode())
                .isEqualTo(302);
        assertThat(asSupervisor
                        .postForm(reassign, reassign, Map.of("team", team))
                        .statusCode())
                .isEqualTo(302);

        InquiryView inquiry = inquiries.find(reference).orElseThrow();
        assertThat(inquiry.team()).isEqualTo(team);
        assertThat(inquiry.assigneeOperatorId()).isNull();
        assertThat(inquiry.trail())
                .extracting(t -> t.type() + " " + t.actor() + " " + t.detail())
                .contains("ASSIGNED " + supervisor + " to " + operator, "ASSIGNED " + supervisor + " to team " + team);
        assertThat(asSupervisor.get(page).body()).contains("id=\"reassign\"").contains("id=\"team\"");
    }

    @Test
    void shouldRefuseAReassignmentByAnOperatorOrToNobody() {
        String reference = open();
        String reassign = "/console/inquiries/" + reference + "/reassign";

        assertThat(asOperator.get(reassign).statusCode()).isEqualTo(403);
        assertThat(asOperator
                        .postForm("/console/inquiries/" + reference, reassign, Map.of("assignee", operator))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> nobody = asSupervisor.postForm(reassign, reassign, Map.of("assignee", "", "team", ""));
        HttpResponse<String> unknown = asSupervisor.postForm(reassign, reassign, Map.of("team", "no-such-team"));

        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("オペレーターかチームのどちらかを選んでください。");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("そのチームはありません。");
        assertThat(inquiries.find(reference).orElseThrow().trail()).hasSize(1);
        assertThat(asOperator.get("/console/inquiries/" + reference).body()).doesNotContain("id=\"reassign\"");
    }

    @Test
    void shouldNarrowTheQueueToOneOperatorOrOneTeam() {
        String mine = open();
        String teams = open();
        String other = open();
        inquiries.take(mine, operator);
        inquiries.assignToTeam(teams, team, supervisor);

        String byOperator =
                asOperator.get("/console/inquiries?assignee=" + operator).body();
        String byTeam = asOperator.get("/console/inquiries?team=" + team).body();

        assertThat(byOperator).contains(mine).doesNotContain(teams).doesNotContain(other);
        assertThat(byTeam).contains(teams).doesNotContain(other);
    }
}
