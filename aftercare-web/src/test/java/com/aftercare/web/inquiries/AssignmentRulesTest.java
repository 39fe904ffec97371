package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.shared.InvalidValue;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.AssignmentRules;
import com.aftercare.inquiry.AssignmentStrategy;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryView;
import com.aftercare.inquiry.Priority;
import com.aftercare.inquiry.Teams;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestInquiries;
import com.aftercare.web.support.TestOperators;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Assignment rules on the real database: round robin in turns (also under concurrent inquiries),
 * unavailable members skipped (availability lives in the desk's own {@code operator_availability}),
 * least loaded, rule order, nobody available. Every rule here is
 * limited to this test's own storefront, so no other test's inquiries are routed by it.
 */
@AftercareIntegrationTest
class AssignmentRulesTest {

    @Autowired
    Inquiries inquiries;

    @Autowired
    AssignmentRules rules;

    @Autowired
    Teams teams;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    TestStorefront storefront;
    String team;
    List<String> members;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        team = team();
        members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String member = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
            teams.addMember(team, member, "admin");
            members.add(member);
        }
    }

    @AfterEach
    void removeRulesAndCloseInquiries() {
        jdbc.sql("delete from assignment_rule where storefront_id = :s")
                .param("s", storefront.id().value())
                .update();
        TestInquiries.closeAllOf(jdbc, storefront.id());
    }

    String team() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        teams.create(code, "チーム " + code, "admin");
        return code;
    }

    void rule(int position, Channel channel, String team, AssignmentStrategy strategy) {
        rules.add(new AssignmentRules.NewRule(
                position, channel, null, storefront.id().value(), team, strategy, "test"));
    }

    InquiryView open(Channel channel) {
        Inquiries.Opened opened = inquiries.open(new Inquiries.OpenInquiry(
                storefront.id(),
                channel,
                Events.unique("rr") + "@example.jp",
                "山田 花子",
                null,
                null,
                Category.SHIPPING,
                Priority.NORMAL,
                "届きません",
                "注文した商品がまだ届きません。",
                null));
        return inquiries.find(opened.reference()).orElseThrow();
    }

    String assignee(InquiryView inquiry) {
        return inquiry.assigneeOperatorId() == null
                ? null
                : jdbc.sql("select username from operator where id = :id")
                        .param("id", inquiry.assigneeOperatorId())
                        .query(String.class)
                        .single();
    }

    Map<String, Long> countsPerMember() {
        return jdbc
                .sql("""
                        select o.username, count(*) from inquiry i join operator o on o.id = i.assignee_operator_id
                         where i.storefront_id = :s group by o.username
                        """)
                .param("s", storefront.id().value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void shouldDealSixInquiriesInTurnsToThreeOperators() {
        rule(10, null, team, AssignmentStrategy.ROUND_ROBIN);

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            assignees.add(assignee(open(Channel.EMAIL)));
        }

        // members were created in order, and turns follow the order of the accounts
        assertThat(assignees)
                .containsExactly(
                        members.get(0), members.get(1), members.get(2), members.get(0), members.get(1), members.get(2));
        assertThat(countsPerMember())
                .containsOnly(
                        Map.entry(members.get(0), 2L), Map.entry(members.get(1), 2L), Map.entry(members.get(2), 2L));
    }

    @Test
    void shouldSkipAnUnavailableMember() {
        rule(10, null, team, AssignmentStrategy.ROUND_ROBIN);
        teams.setAvailable(members.get(1), false, "admin");

        for (int i = 0; i < 4; i++) {
            open(Channel.WEB_FORM);
        }

        assertThat(countsPerMember()).containsOnly(Map.entry(members.get(0), 2L), Map.entry(members.get(2), 2L));
    }

    @Test
    void shouldKeepAvailabilityInTheDesksOwnTableAndAuditEachSwitch() {
        String member = members.get(1);
        long memberId = operators.find(member).orElseThrow().id();

        assertThat(availabilityOf(member)).isTrue();
        assertThat(jdbc.sql("select count(*) from operator_availability where operator_id = :id")
                        .param("id", memberId)
                        .query(Long.class)
                        .single())
                .as("an operator without a row is available")
                .isZero();

        teams.setAvailable(member, false, "lead-sato");

        assertThat(availabilityRow(memberId))
                .containsEntry("available", false)
                .containsEntry("updated_by", "lead-sato");
        assertThat(availabilityOf(member)).isFalse();
        assertThat(teams.all().stream()
                        .filter(t -> t.code().equals(team))
                        .flatMap(t -> t.members().stream())
                        .filter(m -> m.username().equals(member)))
                .singleElement()
                .satisfies(m -> assertThat(m.available()).isFalse());

        teams.setAvailable(member, true, "lead-suzuki");

        assertThat(availabilityRow(memberId))
                .containsEntry("available", true)
                .containsEntry("updated_by", "lead-suzuki");
        assertThat(availabilityOf(member)).isTrue();
        assertThat(jdbc.sql("""
                        select actor || ' ' || action from audit_log
                         where target_type = 'operator' and target_id = :u order by id
                        """).param("u", member).query(String.class).list())
                .containsExactly("lead-sato operator.unavailable", "lead-suzuki operator.available");
        assertThat(jdbc.sql("""
                        select count(*) from information_schema.columns
                         where table_name = 'operator' and column_name = 'available'
                        """).query(Long.class).single())
                .as("the domain's operator table no longer knows about availability")
                .isZero();
        assertThatThrownBy(() -> teams.setAvailable("no-such-operator", false, "lead-sato"))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void shouldDealTurnsToAMemberAgainOnceTheyAreAvailable() {
        rule(10, null, team, AssignmentStrategy.ROUND_ROBIN);
        teams.setAvailable(members.get(1), false, "lead-sato");
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            assignees.add(assignee(open(Channel.EMAIL)));
        }

        teams.setAvailable(members.get(1), true, "lead-sato");
        for (int i = 0; i < 3; i++) {
            assignees.add(assignee(open(Channel.EMAIL)));
        }

        assertThat(assignees)
                .containsExactly(members.get(0), members.get(2), members.get(0), members.get(1), members.get(2));
    }

    @Test
    void shouldPassOverAnUnavailableMemberWhenChoosingTheLeastLoaded() {
        rule(10, null, team, AssignmentStrategy.LEAST_LOADED);
        teams.setAvailable(members.get(0), false, "lead-sato");

        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assignees.add(assignee(open(Channel.EMAIL)));
        }

        // the idle, unavailable member gets nothing; the others share, ties to the older account
        assertThat(assignees).containsExactly(members.get(1), members.get(2), members.get(1), members.get(2));
    }

    boolean availabilityOf(String username) {
        return teams.availability().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .available();
    }

    Map<String, Object> availabilityRow(long operatorId) {
        return jdbc.sql("select available, updated_by from operator_availability where operator_id = :id")
                .param("id", operatorId)
                .query()
                .singleRow();
    }

    @Test
    void shouldGiveEachMemberTheSameShareWhenInquiriesArriveAtOnce() throws Exception {
        rule(10, null, team, AssignmentStrategy.ROUND_ROBIN);
        int perMember = 4;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InquiryView>> opened = new ArrayList<>();
            for (int i = 0; i < perMember * members.size(); i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    return open(Channel.CHAT);
                }));
            }
            start.countDown();
            for (Future<InquiryView> f : opened) {
                assertThat(f.get().assigneeOperatorId()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(countsPerMember())
                .containsOnly(members.stream()
                        .map(m -> Map.entry(m, (long) perMember))
                        .toArray(Map.Entry[]::new));
    }

    @Test
    void shouldGiveTheInquiryToTheLeastLoadedMember() {
        rule(10, null, team, AssignmentStrategy.LEAST_LOADED);
        for (String busy : List.of(members.get(0), members.get(0), members.get(2))) {
            inquiries.take(open(Channel.EMAIL).reference(), busy);
        }

        assertThat(assignee(open(Channel.EMAIL))).isEqualTo(members.get(1));
    }

    @Test
    void shouldApplyTheFirstMatchingRuleByPosition() {
        String phoneTeam = team();
        String phoneOperator = TestOperators.create(operators, passwords, Operators.Role.OPERATOR);
        teams.addMember(phoneTeam, phoneOperator, "admin");
        // added first, but comes later in the order
        rule(20, null, team, AssignmentStrategy.ROUND_ROBIN);
        rule(10, Channel.PHONE, phoneTeam, AssignmentStrategy.ROUND_ROBIN);

        InquiryView phone = open(Channel.PHONE);
        InquiryView mail = open(Channel.EMAIL);

        assertThat(phone.team()).isEqualTo(phoneTeam);
        assertThat(assignee(phone)).isEqualTo(phoneOperator);
        assertThat(mail.team()).isEqualTo(team);
        assertThat(assignee(mail)).isIn(members);
        assertThat(phone.trail())
                .extracting(t -> t.type() + " " + t.actor() + " " + t.detail())
                .contains("ASSIGNED auto-assign to " + phoneOperator + " (team " + phoneTeam + ")");
    }

    @Test
    void shouldLeaveTheInquiryInTheTeamsQueueWhenNobodyIsAvailable() {
        rule(10, null, team, AssignmentStrategy.ROUND_ROBIN);
        members.forEach(m -> teams.setAvailable(m, false, "admin"));

        InquiryView inquiry = open(Channel.EMAIL);

        assertThat(inquiry.team()).isEqualTo(team);
        assertThat(inquiry.assigneeOperatorId()).isNull();
        assertThat(inquiry.trail()).extracting(t -> t.type() + " " + t.detail()).contains("ASSIGNED to team " + team);
    }

    @Test
    void shouldLeaveTheInquiryUnassignedWhenNoRuleMatches() {
        rule(10, Channel.VISIT, team, AssignmentStrategy.ROUND_ROBIN);

        InquiryView inquiry = open(Channel.EMAIL);

        assertThat(inquiry.team()).isNull();
        assertThat(inquiry.assigneeOperatorId()).isNull();
        assertThat(inquiries.assignAutomatically(inquiry.reference(), "auto-assign"))
                .isEmpty();
    }

    @Test
    void shouldRefuseARuleForAnUnknownOrMissingTeamAndWriteNothing() {
        Function<String, AssignmentRules.NewRule> ruleFor = t -> new AssignmentRules.NewRule(
                10, null, null, storefront.id().value(), t, AssignmentStrategy.ROUND_ROBIN, "test");

        assertThatThrownBy(() -> rules.add(ruleFor.apply("no-such-team")))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("team"));
        assertThatThrownBy(() -> rules.add(ruleFor.apply(" ")))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("team"));
        assertThatThrownBy(() -> rules.add(new AssignmentRules.NewRule(
                        -1, null, null, null, team, AssignmentStrategy.ROUND_ROBIN, "test")))
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo("position"));
        assertThat(rules.all())
                .noneMatch(r -> storefront.id().value() == (r.storefrontId() == null ? 0 : r.storefrontId()));
    }
}
