package com.aftercare.web;

import com.aftercare.AftercareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's own verification of the module map: no cycles between the application
 * modules (domain, inquiry, returns, stepmail, web), and a module uses another only through its
 * face: its root package (inquiry's {@code Inquiries}, returns' {@code Claims}…) or the types it
 * names as an interface ({@code @NamedInterface}: step mail's scenarios, newsletters, packing and
 * templates, the claim policy's value types). The domain is an open module (every package of it
 * is shared); its mail pipeline keeps its insides by {@link ArchitectureTest}'s rule.
 */
class ModulithTest {

    @Test
    void shouldKeepEveryModuleToTheFacesOfTheOthers() {
        ApplicationModules.of(AftercareApplication.class).verify();
    }
}
