package com.aftercare.web.console.stepmail;

import com.aftercare.domain.shared.FieldProblem;
import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.scenario.Scenarios;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A step as the editor's form sends it. Numbers and times arrive as text so that "abc" gets the
 * same field message as "-1" instead of a binding error page.
 */
record StepForm(
        String delayAmount,
        String delayUnit,
        String atTime,
        String kind,
        String template,
        Boolean urgent,
        Boolean holdWhileClaimOpen,
        String afterHold,
        String overCap) {

    static StepForm of(Scenarios.Step step) {
        return new StepForm(
                Integer.toString(step.delay().amount()),
                step.delay().unit().name(),
                step.delay().atTimeOfDay() == null
                        ? ""
                        : step.delay().atTimeOfDay().toString(),
                step.kind(),
                step.template(),
                step.urgent(),
                step.holdWhileClaimOpen(),
                step.afterHold(),
                step.overCap());
    }

    static StepForm blank() {
        return new StepForm("1", "DAYS", "10:00", "TRANSACTIONAL", "", false, false, "RESUME", "POSTPONE");
    }

    /** The change for the editor, or the fields that are not even numbers or times. */
    ScenarioEditor.StepChange toChange(List<FieldProblem> problems) {
        Integer amount = null;
        if (delayAmount != null && !delayAmount.isBlank()) {
            try {
                amount = Integer.valueOf(delayAmount.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("delayAmount", "not a whole number"));
            }
        }
        LocalTime at = null;
        if (atTime != null && !atTime.isBlank()) {
            try {
                at = LocalTime.parse(atTime.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("atTime", "not a time of day"));
            }
        }
        return new ScenarioEditor.StepChange(
                amount,
                delayUnit,
                at,
                kind,
                template,
                Boolean.TRUE.equals(urgent),
                Boolean.TRUE.equals(holdWhileClaimOpen),
                afterHold,
                overCap);
    }
}
