package com.aftercare.web.console.automation;

import com.aftercare.inquiry.Automations;
import com.aftercare.inquiry.Macros;
import com.aftercare.inquiry.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A macro as the editor posts it; every step is optional ({@link Macros} wants at least one). */
record MacroForm(
        @NotBlank @Size(max = Macros.MAX_NAME) String name,
        Long cannedResponse,
        Macros.StatusStep setStatus,
        Priority setPriority,
        @Size(max = Automations.MAX_TAG) String tag,
        Boolean assignToMe,
        String team) {

    static MacroForm empty() {
        return new MacroForm("", null, null, null, "", false, "");
    }

    static MacroForm of(Macros.MacroView v) {
        return new MacroForm(
                v.name(), v.cannedResponse(), v.setStatus(), v.setPriority(), v.tag(), v.assignToMe(), v.team());
    }

    Macros.Draft draft() {
        return new Macros.Draft(
                name, cannedResponse, setStatus, setPriority, tag, Boolean.TRUE.equals(assignToMe), team);
    }
}
