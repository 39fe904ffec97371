package com.aftercare.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The arrows of docs/architecture.md, checked at build time. Maven already keeps the compile
 * direction between modules; these rules keep what Maven cannot see (a package that drifts into
 * the wrong module, a feature module reaching into another through the web module's classpath,
 * a module using another's insides instead of its face, a cycle between the rooms of one module,
 * entities leaking into JSON, a second way of sending mail). Spring Modulith's own verification
 * ({@link ModulithTest}) checks the faces; these rules say the rest in our words.
 *
 * <p>Every rule checks real classes: ArchUnit fails a rule whose subject set is empty.
 */
@AnalyzeClasses(packages = "com.aftercare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "com.aftercare";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String INQUIRY = ROOT + ".inquiry..";
    private static final String RETURNS = ROOT + ".returns..";
    private static final String STEPMAIL = ROOT + ".stepmail..";
    private static final String WEB = ROOT + ".web..";
    private static final String MAIL = ROOT + ".domain.mail";

    @ArchTest
    static final ArchRule domainDependsOnNoFeatureModuleNorOnWeb = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INQUIRY, RETURNS, STEPMAIL, WEB)
            .because("the domain is what every feature module shares; it must not know who uses it");

    @ArchTest
    static final ArchRule inquiryDependsOnNoOtherFeatureModuleNorOnWeb = noClasses()
            .that()
            .resideInAPackage(INQUIRY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(RETURNS, STEPMAIL, WEB)
            .because("feature modules talk to each other only through domain events");

    @ArchTest
    static final ArchRule returnsDependsOnNoOtherFeatureModuleNorOnWeb = noClasses()
            .that()
            .resideInAPackage(RETURNS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INQUIRY, STEPMAIL, WEB)
            .because("feature modules talk to each other only through domain events");

    @ArchTest
    static final ArchRule stepmailDependsOnNoOtherFeatureModuleNorOnWeb = noClasses()
            .that()
            .resideInAPackage(STEPMAIL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INQUIRY, RETURNS, WEB)
            .because("feature modules talk to each other only through domain events");

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching(ROOT + ".(*)..")
            .should()
            .beFreeOfCycles()
            .because("a cycle between modules makes them one module in disguise");

    /**
     * The rooms of each module: its root package (the face of inquiry and returns) and each of its
     * packages ({@code web.api}, {@code web.security}, {@code domain.order}, {@code domain.mail});
     * a room's own sub-packages are its insides ({@code domain.mail.dispatch} is part of the mail
     * room).
     */
    private static final SliceAssignment ROOMS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length < 3 || !javaClass.getPackageName().startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(parts.length == 3 ? parts[2] : parts[2] + "." + parts[3]);
        }

        @Override
        public String getDescription() {
            return "the rooms of each module";
        }
    };

    @ArchTest
    static final ArchRule theRoomsOfEachModuleAreFreeOfCycles = slices().assignedFrom(ROOMS)
            .should()
            .beFreeOfCycles()
            .because("a cycle between two rooms of a module (web.api and web.security were one) makes them "
                    + "one room in disguise");

    @ArchTest
    static final ArchRule theMailPipelineIsUsedThroughItsFace = noClasses()
            .that()
            .resideOutsideOfPackage(MAIL + "..")
            .should()
            .dependOnClassesThat()
            // any package below the face, so a room added later (as sender was) is inside at once
            .haveNameMatching(MAIL.replace(".", "\\.") + "\\.[a-z_0-9]+\\..+")
            .because("every module sends, previews and inspects mail through com.aftercare.domain.mail "
                    + "(Mails, MailTemplateCatalogue, MailDeliveries, MailSenders); the outbox, the dispatcher, "
                    + "the send rules, the template store and the sender store are its insides");

    @ArchTest
    static final ArchRule controllersLiveOnlyInWeb = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .resideInAPackage(WEB)
            .because("HTTP is the web module's business; feature modules expose facades and records");

    @ArchTest
    static final ArchRule entitiesLiveOnlyInTheDomainOrAFeatureModule = classes()
            .that()
            .areAnnotatedWith(Entity.class)
            .should()
            .resideInAnyPackage(DOMAIN, INQUIRY, RETURNS, STEPMAIL)
            .because("the web module works with commands, views and DTO records, never its own tables");

    @ArchTest
    static final ArchRule restControllersDoNotUseEntities = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class)
            .because("entities are never bound to JSON: input is a command record, output a view or DTO record");

    // The rule above sees only direct dependencies of the controller class. These two close its
    // gaps: an entity as a generic type argument of a handler (List<Order>, ResponseEntity<Customer>),
    // and an entity held by a request or response record (nested in a controller or not).
    @ArchTest
    static final ArchRule controllerMethodsNeitherTakeNorReturnEntities = methods()
            .that()
            .areDeclaredInClassesThat()
            .areMetaAnnotatedWith(Controller.class)
            .should(new ArchCondition<JavaMethod>("neither take nor return an @Entity") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                    types.add(method.getReturnType());
                    List<String> entities = entitiesIn(types);
                    events.add(new SimpleConditionEvent(
                            method, entities.isEmpty(), method.getFullName() + " binds entities " + entities));
                }
            })
            .because("entities are never bound to JSON: input is a command record, output a view or DTO record");

    @ArchTest
    static final ArchRule webFieldsNeverHoldEntities = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage(WEB)
            .should(new ArchCondition<JavaField>("not hold an @Entity") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    List<String> entities = entitiesIn(List.of(field.getType()));
                    events.add(new SimpleConditionEvent(
                            field, entities.isEmpty(), field.getFullName() + " holds entities " + entities));
                }
            })
            .because("a request or response record holding an entity binds it to JSON all the same");

    @ArchTest
    static final ArchRule onlyTheDispatcherTalksSmtp = noClasses()
            .that()
            .resideOutsideOfPackages(MAIL + ".dispatch..", ROOT + ".web.demo..", ROOT + ".inquiry.mail..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.mail..", "jakarta.mail..", "org.eclipse.angus.mail..", "com.sun.mail..")
            .because("every outgoing mail goes through the one durable outbox and its dispatcher; "
                    + "only the demo SMTP catcher (web.demo) and the IMAP reader (inquiry.mail, see the "
                    + "next rule) may touch mail classes besides it");

    @ArchTest
    static final ArchRule theInboundMailboxOnlyReads = noClasses()
            .that()
            .resideInAPackage(ROOT + ".inquiry.mail..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.mail.Transport")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.mail..", "org.eclipse.angus.mail.smtp..")
            .because("the inquiry mailbox is read over IMAP; mail leaves only through the outbox");

    private static List<String> entitiesIn(List<JavaType> types) {
        return types.stream()
                .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                .filter(raw -> raw.isAnnotatedWith(Entity.class))
                .map(JavaClass::getName)
                .distinct()
                .collect(Collectors.toList());
    }
}
