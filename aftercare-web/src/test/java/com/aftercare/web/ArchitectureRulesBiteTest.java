package com.aftercare.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.mail.MailSenders;
import com.aftercare.domain.mail.sender.MailSenderRows;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules catch what they are written for: each is run here on a throwaway class
 * that breaks it, and on one that keeps it.
 */
class ArchitectureRulesBiteTest {

    /** Reaches into the mail pipeline's sender store, a room added after the rule was written. */
    static class ReachesIntoTheSenderStore {
        Object rows(MailSenderRows rows) {
            return rows;
        }
    }

    /** Uses the face only. */
    static class UsesTheFace {
        Object senders(MailSenders senders) {
            return senders;
        }
    }

    @Test
    void shouldRefuseAClassOutsideTheMailPipelineThatUsesAnyOfItsInsides() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoTheSenderStore.class);

        assertThatThrownBy(() -> ArchitectureTest.theMailPipelineIsUsedThroughItsFace.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MailSenderRows");
    }

    @Test
    void shouldAcceptAClassThatUsesOnlyTheMailPipelinesFace() {
        JavaClasses polite = new ClassFileImporter().importClasses(UsesTheFace.class);

        assertThatCode(() -> ArchitectureTest.theMailPipelineIsUsedThroughItsFace.check(polite))
                .doesNotThrowAnyException();
    }
}
