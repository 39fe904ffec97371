package com.aftercare.stepmail.templates;

import com.aftercare.domain.mail.MailKind;
import com.aftercare.domain.mail.MailTemplateDeclaration;
import com.aftercare.domain.mail.MailTemplateUse;
import com.aftercare.domain.mail.OrderMailVariables;
import com.aftercare.domain.mail.TemplateVariables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mails of the step-mail module as the mail pipeline's catalogue lists them: the purchase
 * thank-you under its own code, and every free template, which steps choose among. A free
 * template may name what every live step using it gets (the narrowest set over their triggers and
 * kinds); one no step uses yet is checked as an order mail.
 */
@Component
public class StepMailTemplates implements MailTemplateUse {

    static final String GROUP_ORDERS = "mail.group.orders";
    static final String GROUP_STEP_MAIL = "mail.group.stepmail";

    private final JdbcClient jdbc;
    private final OrderMailVariables orderVariables;

    StepMailTemplates(JdbcClient jdbc, OrderMailVariables orderVariables) {
        this.jdbc = jdbc;
        this.orderVariables = orderVariables;
    }

    @Override
    public List<MailTemplateDeclaration> declarations() {
        return List.of(new MailTemplateDeclaration(
                "order-thanks",
                GROUP_ORDERS,
                MailKind.TRANSACTIONAL,
                TemplateVariables.ORDER,
                sample -> orderVariables.of(sample.order(), sample.customer())));
    }

    @Override
    public Optional<MailTemplateDeclaration> adopt(String code) {
        return Optional.of(new MailTemplateDeclaration(
                code,
                GROUP_STEP_MAIL,
                null,
                variablesFor(code),
                sample -> orderVariables.of(sample.order(), sample.customer())));
    }

    /** The variables every live step using the template gets; an order mail's when none uses it. */
    public TemplateVariables variablesFor(String code) {
        List<Map.Entry<String, Boolean>> uses = jdbc.sql("""
                        select distinct s.trigger_event, st.kind = 'PROMOTIONAL'
                          from scenario_step st join scenario s on s.id = st.scenario_id
                         where st.template = :code and st.retired_at is null
                        """)
                .param("code", code)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .list();
        if (uses.isEmpty()) {
            return TemplateVariables.ORDER;
        }
        // the narrowest set: a name must be known to every use
        TemplateVariables common = null;
        for (Map.Entry<String, Boolean> use : uses) {
            TemplateVariables these = StepVariables.forTrigger(use.getKey(), use.getValue());
            common = common == null ? these : common.common(these);
        }
        return common;
    }
}
