package com.aftercare.stepmail.scenario;

import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch round in one transaction, safe against one bad item. In PostgreSQL a failed statement
 * aborts the transaction, and a failure inside a joined {@code @Transactional} service marks it
 * rollback-only, so neither can be caught and stepped over inside the round. Instead the round
 * throws {@link ItemFailed}, its transaction rolls back whole, the item is marked in a
 * transaction of its own (skipped, with the reason), and the round runs again without it. A bad
 * item costs one redone round; it never stops the queue. The items must exist before the round
 * (a round that creates its own items commits them first), or the mark finds nothing.
 */
@Component
public class BatchRounds {

    private static final Logger log = LoggerFactory.getLogger(BatchRounds.class);

    private final TransactionTemplate transaction;

    BatchRounds(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One item of the round failed; thrown out of the round to roll it back. */
    public static final class ItemFailed extends RuntimeException {

        private final long id;

        public ItemFailed(long id, RuntimeException cause) {
            super("Item " + id + " could not be prepared: " + cause.getMessage(), cause);
            this.id = id;
        }
    }

    /**
     * Runs {@code round} in a transaction; when an item fails, rolls it back, hands the item's id
     * and reason to {@code skip} in a transaction of its own, and runs the round again.
     *
     * @return what the last, successful round answered
     */
    public int run(String what, Supplier<Integer> round, SkipItem skip) {
        while (true) {
            try {
                return inTransaction(round);
            } catch (ItemFailed e) {
                log.error("{} {} could not be prepared; skipped", what, e.id, e.getCause());
                boolean marked = inTransaction(
                        () -> skip.skip(e.id, "failed: " + e.getCause().getMessage()));
                if (!marked) {
                    // the item was made by the round itself: the next round would make and fail it again
                    throw new IllegalStateException(what + " " + e.id + " failed and cannot be marked skipped", e);
                }
            }
        }
    }

    /** Work in a transaction of its own (what a round needs committed before its items). */
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Marks a failed item so that the next round does not take it again. */
    @FunctionalInterface
    public interface SkipItem {
        /** @return whether the item was there to mark */
        boolean skip(long id, String reason);
    }

    /** Wraps an item's failure so {@link #run} can tell it from a failure of the round itself. */
    /**
     * Runs rounds while they come back full, so a backlog drains without waiting a poll each: the
     * polling loop of the step-mail scheduler and the newsletter sender.
     */
    public static void drain(IntSupplier round, int batchSize) {
        while (round.getAsInt() == batchSize) {
            log.debug("Full round, running the next one");
        }
    }

    public static <T> Consumer<T> failingAs(ToLongFunction<T> id, Consumer<T> item) {
        return value -> {
            try {
                item.accept(value);
            } catch (RuntimeException e) {
                throw new ItemFailed(id.applyAsLong(value), e);
            }
        };
    }
}
