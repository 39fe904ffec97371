package com.aftercare.domain.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.line.LinePushes.Status;
import org.junit.jupiter.api.Test;

/** The cause of a LINE text that did not go, read from the error the dispatcher wrote, in one place. */
class LineFailureTest {

    @Test
    void shouldNameTheCauseOfEachErrorTheDispatcherWrites() {
        assertThat(LineFailure.of(Status.FAILED, LineFailure.UNFOLLOWED_ERROR)).isEqualTo(LineFailure.UNFOLLOWED);
        assertThat(LineFailure.of(Status.FAILED, LineFailure.NO_CHANNEL_ERROR)).isEqualTo(LineFailure.NO_CHANNEL);
        assertThat(LineFailure.of(Status.FAILED, LineFailure.gaveUp(8, LineFailure.answered(429, "{}"))))
                .isEqualTo(LineFailure.RATE_LIMITED);
        assertThat(LineFailure.of(Status.FAILED, LineFailure.refused(400, "{\"message\":\"Invalid reply token\"}")))
                .isEqualTo(LineFailure.REFUSED);
        assertThat(LineFailure.of(Status.FAILED, LineFailure.refused(401, "{\"message\":\"Authentication failed\"}")))
                .isEqualTo(LineFailure.REFUSED);
        assertThat(LineFailure.of(Status.FAILED, LineFailure.gaveUp(8, "cannot connect to LINE: Connection refused")))
                .isEqualTo(LineFailure.NO_ANSWER);
        assertThat(LineFailure.of(Status.FAILED, "something new")).isEqualTo(LineFailure.OTHER);
        assertThat(LineFailure.of(Status.FAILED, null)).isEqualTo(LineFailure.OTHER);
    }

    @Test
    void shouldTellALineServerErrorFromAnUnknownOutcomeOfAParkedText() {
        assertThat(LineFailure.of(
                        Status.UNKNOWN,
                        LineFailure.gaveUp(8, LineFailure.answered(503, "")) + " (LINE may have delivered it)"))
                .isEqualTo(LineFailure.LINE_ERROR);
        assertThat(LineFailure.of(Status.UNKNOWN, LineFailure.answered(500, "") + " (to a reply)"))
                .isEqualTo(LineFailure.LINE_ERROR);
        assertThat(LineFailure.of(Status.UNKNOWN, "no answer from LINE: HttpTimeoutException: request timed out"))
                .isEqualTo(LineFailure.UNKNOWN_OUTCOME);
        assertThat(LineFailure.of(Status.UNKNOWN, "lease of a ran out while replying on LINE"))
                .isEqualTo(LineFailure.UNKNOWN_OUTCOME);
    }

    @Test
    void shouldNameNoCauseForATextOnItsWayOrSent() {
        assertThat(LineFailure.of(Status.PENDING, LineFailure.answered(429, "{}")))
                .isNull();
        assertThat(LineFailure.of(Status.SENT, null)).isNull();
    }
}
