package com.aftercare.web.console.automation;

import com.aftercare.inquiry.AutomationActions;
import com.aftercare.inquiry.AutomationConditions;
import com.aftercare.inquiry.AutomationTime;
import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.Teams;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A rule's conditions and actions in the operator's words, one short phrase each, for the list
 * (every value through the message bundles, never a raw code). Templates call it as
 * {@code ${@automationDescriptions.conditions(rule, #locale)}}.
 */
@Component("automationDescriptions")
public class AutomationDescriptions {

    private final MessageSource messages;
    private final Teams teams;

    AutomationDescriptions(MessageSource messages, Teams teams) {
        this.messages = messages;
        this.teams = teams;
    }

    /** A team by its name, as the teams page shows it (its code if it was deleted meanwhile). */
    public String teamName(String code) {
        return teams.all().stream()
                .filter(t -> t.code().equals(code))
                .map(Teams.TeamView::name)
                .findFirst()
                .orElse(code);
    }

    public List<String> conditions(Automations.AutomationView rule, Locale locale) {
        AutomationConditions c = rule.conditions();
        List<String> out = new ArrayList<>();
        AutomationTime t = c.time();
        if (t != null) {
            out.add(say(
                    locale,
                    "automation.describe.time." + t.since(),
                    t.amount(),
                    word(locale, "automation.unit." + t.unit())));
        }
        add(out, locale, "automation.describe.status", c.status(), "inquiryStatus.");
        add(out, locale, "automation.describe.channel", c.channel(), "channel.");
        add(out, locale, "automation.describe.category", c.category(), "category.");
        add(out, locale, "automation.describe.priority", c.priority(), "priority.");
        if (rule.storefrontName() != null) {
            out.add(say(locale, "automation.describe.storefront", rule.storefrontName()));
        }
        if (!c.wordList().isEmpty()) {
            out.add(say(locale, "automation.describe.words", String.join("、", c.wordList())));
        }
        if (c.minCustomerValue() != null) {
            out.add(say(
                    locale,
                    "automation.describe.value",
                    NumberFormat.getIntegerInstance(Locale.JAPAN).format(c.minCustomerValue())));
        }
        if (out.isEmpty()) {
            out.add(word(locale, "automation.describe.always"));
        }
        return out;
    }

    public List<String> actions(Automations.AutomationView rule, Locale locale) {
        AutomationActions a = rule.actions();
        List<String> out = new ArrayList<>();
        add(out, locale, "automation.describe.setPriority", a.setPriority(), "priority.");
        if (a.team() != null) {
            out.add(say(locale, "automation.describe.team", teamName(a.team())));
        }
        if (a.tag() != null) {
            out.add(say(locale, "automation.describe.tag", a.tag()));
        }
        if (a.flagReason() != null) {
            out.add(say(locale, "automation.describe.flag", a.flagReason()));
        }
        add(out, locale, "automation.describe.customerMail", a.customerMail(), "automation.customerMail.");
        if (a.notifySupervisors()) {
            out.add(word(locale, "automation.describe.notify"));
        }
        if (a.setStatus() != null) {
            out.add(word(locale, "automation.setStatus." + a.setStatus()));
        }
        return out;
    }

    private void add(List<String> out, Locale locale, String key, Enum<?> value, String valuePrefix) {
        if (value != null) {
            out.add(say(locale, key, word(locale, valuePrefix + value.name())));
        }
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private String word(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
