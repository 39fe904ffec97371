package com.aftercare.web.console.stepmail;

import com.aftercare.stepmail.scenario.ScenarioEditor;
import com.aftercare.stepmail.scenario.Scenarios;

/** A scenario's name, trigger and audience as the editor's form sends them. */
record ScenarioForm(String name, String trigger, Long storefrontId, String category, String sku, String buyer) {

    static ScenarioForm of(Scenarios.Scenario scenario) {
        Scenarios.Audience audience = scenario.audience();
        return new ScenarioForm(
                scenario.name(),
                scenario.trigger(),
                audience.storefrontId(),
                audience.category(),
                audience.sku(),
                audience.buyer());
    }

    ScenarioEditor.ScenarioChange toChange() {
        return new ScenarioEditor.ScenarioChange(
                name, trigger, new Scenarios.Audience(storefrontId, category, sku, buyer == null ? "ANY" : buyer));
    }
}
