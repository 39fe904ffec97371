package com.aftercare.domain.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftercare.domain.mail.MailDelivery;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The console's view of the outbox. No SMTP is involved; the host only satisfies the dispatcher bean. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=25"})
class MailDeliveryLogTest extends OutboxTestSupport {

    @Autowired
    MailDeliveryLog log;

    @Test
    void shouldListMailsOfTheAskedStatesNewestFirstAPageAtATime() {
        String domain = uniqueDomain();
        long first = enqueue(mail("a@" + domain, "一通目", "本文"));
        long second = enqueue(mail("b@" + domain, "二通目", "本文"));
        long third = enqueue(mail("c@" + domain, "三通目", "本文"));
        jdbc.sql("update outbound_mail set status = 'FAILED', last_error = '550 no such user' where id in (:ids)")
                .param("ids", List.of(first, third))
                .update();

        List<MailDelivery> page = log.list(Set.of("FAILED"), null, 200).stream()
                .filter(e -> e.to().endsWith(domain))
                .toList();
        List<MailDelivery> older = log.list(Set.of("FAILED"), third, 200).stream()
                .filter(e -> e.to().endsWith(domain))
                .toList();

        assertThat(page).extracting(MailDelivery::id).containsExactly(third, first);
        assertThat(page.get(0).subject()).isEqualTo("三通目");
        assertThat(page.get(0).lastError()).isEqualTo("550 no such user");
        assertThat(older).extracting(MailDelivery::id).containsExactly(first);
        assertThat(log.list(Set.of("PENDING"), null, 200))
                .extracting(MailDelivery::id)
                .contains(second);
    }

    @Test
    void shouldRefuseAnUnknownState() {
        assertThatThrownBy(() -> log.list(Set.of("LOST"), null, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
