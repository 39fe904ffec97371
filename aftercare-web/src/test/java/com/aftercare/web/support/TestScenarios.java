package com.aftercare.web.support;

import com.aftercare.domain.storefront.StorefrontId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenarios and templates of a test's own: the default scenarios and templates are shared by the
 * whole suite, so a test that edits, pauses or counts works on a scenario limited to its own
 * storefront and on a template code nobody else uses.
 */
public final class TestScenarios {

    /** A scenario and its one step ("day 3 after delivery at 10:00") using its own template. */
    public record TestScenario(long id, long stepId, String template, String name) {}

    private TestScenarios() {}

    public static TestScenario afterDelivery(JdbcClient jdbc, StorefrontId storefront, String kind) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String template = "t-" + suffix;
        jdbc.sql("""
                        insert into mail_template (code, language, subject, text_body, html_body, updated_by)
                        values (:code, 'ja', '【[(${shopName})]】ご注文 [(${orderNumber})] のその後',
                                :text, :html, 'test')
                        """)
                .param("code", template)
                .param("text", """
                        [(${customerName})] 様
                        [# th:each="line : ${lines}"]・[(${line.name})]
                        [/]""")
                .param(
                        "html",
                        "<p>[[${customerName}]] 様</p><ul><li th:each=\"line : ${lines}\">[[${line.name}]]</li></ul>")
                .update();
        if ("PROMOTIONAL".equals(kind)) {
            // a promotional template must carry the opt-out link and the sender (特定電子メール法)
            jdbc.sql("""
                            update mail_template set text_body = text_body || '配信停止：[(${unsubscribeUrl})]
送信者：[(${shopName})] [(${shopAddress})]'
                             where code = :code
                            """).param("code", template).update();
        }
        String name = "テストシナリオ " + suffix;
        long id = jdbc.sql("""
                        insert into scenario (code, name, trigger_event, storefront_id)
                        values (:code, :name, 'order.delivered', :storefront) returning id
                        """)
                .param("code", "t-" + suffix)
                .param("name", name)
                .param("storefront", storefront.value())
                .query(Long.class)
                .single();
        long step = jdbc.sql("""
                        insert into scenario_step (scenario_id, position, delay_amount, delay_unit, at_time, kind, template)
                        values (:scenario, 1, 3, 'DAYS', '10:00', :kind, :template) returning id
                        """)
                .param("scenario", id)
                .param("kind", kind)
                .param("template", template)
                .query(Long.class)
                .single();
        return new TestScenario(id, step, template, name);
    }
}
