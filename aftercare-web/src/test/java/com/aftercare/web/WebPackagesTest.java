package com.aftercare.web;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web module's own rooms (api, console, portal, security, …) depend on each other one way
 * only. The API used to need security for the calling storefront while security needed the API
 * for its 401 problem; that writer now lives in {@code web.problem}, which both use.
 */
@AnalyzeClasses(packages = "com.aftercare.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebPackagesTest {

    @ArchTest
    static final ArchRule webPackagesAreFreeOfCycles = slices().matching("com.aftercare.web.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a cycle between two rooms of web makes them one room in disguise");
}
