package com.aftercare.web.console.stepmail;

import com.aftercare.stepmail.scenario.Scenarios;
import com.aftercare.stepmail.timing.StepDelay;
import java.time.Duration;
import java.util.List;

/**
 * A scenario's steps as the timeline shows them: in order from the trigger, each with the words
 * for its delay ("day 3 after delivery at 10:00") and its place on a bar scaled to the last step.
 */
final class Timeline {

    /**
     * One step on the timeline.
     *
     * @param delayKey the message key for the delay's words; its arguments are {@code amount},
     *     {@code time} and the trigger's words
     * @param percent where on the bar (0 at the trigger, 100 at the last step)
     */
    record Entry(Scenarios.Step step, String delayKey, int amount, String time, String triggerKey, int percent) {}

    private Timeline() {}

    static List<Entry> of(Scenarios.Scenario scenario) {
        Duration last = scenario.steps().stream()
                .map(s -> s.delay().nominalOffset())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return scenario.steps().stream()
                .map(step -> entry(scenario.trigger(), step, last))
                .toList();
    }

    static Entry entry(String trigger, Scenarios.Step step) {
        return entry(trigger, step, step.delay().nominalOffset());
    }

    private static Entry entry(String trigger, Scenarios.Step step, Duration last) {
        StepDelay delay = step.delay();
        String key;
        if (delay.amount() == 0 && delay.unit() != StepDelay.Unit.DAYS) {
            key = "stepmail.delay.now";
        } else if (delay.atTimeOfDay() != null) {
            key = "stepmail.delay.DAYS.at";
        } else {
            key = "stepmail.delay." + delay.unit().name();
        }
        long span = last.toMinutes();
        int percent = span == 0 ? 0 : (int) (100 * delay.nominalOffset().toMinutes() / span);
        return new Entry(
                step,
                key,
                delay.amount(),
                delay.atTimeOfDay() == null ? "" : delay.atTimeOfDay().toString(),
                "stepmail.trigger." + trigger,
                percent);
    }
}
