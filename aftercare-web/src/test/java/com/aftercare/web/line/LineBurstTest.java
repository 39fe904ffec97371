package com.aftercare.web.line;

import static com.aftercare.web.line.LineWebhook.newUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.storefront.StorefrontId;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.LineConversations;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.TestStorefronts;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst of LINE messages: LINE posts each message of a customer who types fast as its own
 * webhook request, so two of them are taken at the same moment. The first message's transaction
 * is held open here while the second arrives, which is the moment that matters: the second must
 * wait for it, and then join the conversation it opened, with the customer it made.
 */
@AftercareIntegrationTest
class LineBurstTest {

    @Autowired
    Storefronts storefronts;

    @Autowired
    LineConversations conversations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    StorefrontId storefront;

    @BeforeEach
    void setUp() {
        // a storefront without a channel: the intake asks LINE for no profile and no content
        storefront = TestStorefronts.create(storefronts).id();
    }

    @Test
    void shouldMakeOneConversationOfTwoFirstMessagesTakenAtOnce() throws Exception {
        String user = newUser();
        conversations.take(storefront, event(user, "follow", null)); // known, no conversation yet

        takeTheSecondWhileTheFirstIsOpen(user);

        assertThat(jdbc.sql("""
                        select count(*) from inquiry i join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u
                        """).param("u", user).query(Long.class).single())
                .as("conversations")
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from inquiry_message m join inquiry i on i.id = m.inquiry_id
                          join line_identity l on l.id = i.line_identity_id
                         where l.line_user_id = :u
                        """).param("u", user).query(Long.class).single())
                .as("messages in it")
                .isEqualTo(2);
    }

    @Test
    void shouldMakeOneCustomerOfANewUsersTwoFirstMessages() throws Exception {
        String user = newUser();

        takeTheSecondWhileTheFirstIsOpen(user);

        // a LINE-only customer is named after the end of the userId until LINE gives a name
        assertThat(jdbc.sql("select count(*) from customer where name = :n")
                        .param("n", "LINE " + user.substring(27))
                        .query(Long.class)
                        .single())
                .as("customers made for the user")
                .isEqualTo(1);
    }

    private void takeTheSecondWhileTheFirstIsOpen(String user) throws Exception {
        CompletableFuture<LineConversations.Taken> second = new CompletableFuture<>();
        new TransactionTemplate(transactions).executeWithoutResult(first -> {
            conversations.take(storefront, event(user, "message", "こんにちは"));
            CompletableFuture.runAsync(() -> {
                try {
                    second.complete(conversations.take(storefront, event(user, "message", "注文の件です")));
                } catch (RuntimeException e) {
                    second.completeExceptionally(e);
                }
            });
            try {
                // the second arrives while the first is still being taken: it must not go past it
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(second).as("the second message waits for the first").isNotDone();
        });
        second.get(30, TimeUnit.SECONDS);
    }

    private static LineConversations.Event event(String user, String type, String text) {
        String messageId = Long.toString(System.nanoTime());
        return new LineConversations.Event(
                UUID.randomUUID().toString(),
                type,
                false,
                "user",
                user,
                null,
                text == null ? null : new LineConversations.Message(messageId, LineConversations.Kind.TEXT, text, null),
                null);
    }
}
