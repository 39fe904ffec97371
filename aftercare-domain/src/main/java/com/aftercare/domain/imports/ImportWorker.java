package com.aftercare.domain.imports;

import com.aftercare.domain.ingest.EventIdConflict;
import com.aftercare.domain.ingest.EventIngestion;
import com.aftercare.domain.shared.DomainException;
import com.aftercare.domain.shop.ShopProperties;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued imports in the background, on whichever instance claims one first (SKIP LOCKED and
 * a lease). The file is streamed from its parts and taken order by order in batches: each batch's
 * events and its progress commit together, so a crashed worker's successor resumes after the last
 * committed row (events already applied would be recognised anyway: their ids are deterministic).
 * A batch that fails as a whole is taken again one order per transaction, so one bad order costs
 * only itself.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final ImportStore store;
    private final EventIngestion ingestion;
    private final TransactionTemplate transactions;
    private final EntityManager entities;
    private final ShopProperties shop;
    private final Clock clock;
    private final int batchRows;
    private final String name = "import-" + UUID.randomUUID();

    ImportWorker(
            ImportStore store,
            EventIngestion ingestion,
            TransactionTemplate transactions,
            EntityManager entities,
            ShopProperties shop,
            Clock clock,
            @Value("${aftercare.imports.batch-rows:500}") int batchRows) {
        this.store = store;
        this.ingestion = ingestion;
        this.transactions = transactions;
        this.entities = entities;
        this.shop = shop;
        this.clock = clock;
        this.batchRows = batchRows;
    }

    @Scheduled(fixedDelayString = "${aftercare.imports.poll-interval:2s}")
    void poll() {
        while (runOne()) {
            // until nothing waits
        }
    }

    /** Claims one waiting import and runs it to the end; false when nothing waits. */
    boolean runOne() {
        Long id = transactions.execute(
                status -> store.claim(name, clock.instant(), LEASE).orElse(null));
        if (id == null) {
            return false;
        }
        try {
            run(id);
            transactions.executeWithoutResult(status -> store.finish(id, name, "DONE", null, clock.instant()));
        } catch (LeaseLost e) {
            log.warn("Order import {} was taken over by another worker", id);
        } catch (RuntimeException | IOException e) {
            log.error("Order import {} failed", id, e);
            transactions.executeWithoutResult(
                    status -> store.finish(id, name, "FAILED", String.valueOf(e.getMessage()), clock.instant()));
        }
        return true;
    }

    private void run(long id) throws IOException {
        ImportStatus status = store.find(id).orElseThrow();
        OrderRows rows = new OrderRows(status.mapping(), shop.zone());
        int skip = status.rowsDone();
        List<List<CSVRecord>> batch = new ArrayList<>();
        int batchSize = 0;
        try (Reader reader = FileCharset.ofStored(status.charset()).open(store.open(id));
                CSVParser parser = OrderImports.FORMAT.parse(reader)) {
            List<CSVRecord> order = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() <= skip) {
                    continue;
                }
                if (!order.isEmpty() && !rows.orderNumber(record).equals(rows.orderNumber(order.get(0)))) {
                    batch.add(order);
                    batchSize += order.size();
                    order = new ArrayList<>();
                    if (batchSize >= batchRows) {
                        commit(id, status, rows, batch);
                        batch = new ArrayList<>();
                        batchSize = 0;
                    }
                }
                order.add(record);
            }
            if (!order.isEmpty()) {
                batch.add(order);
            }
            if (!batch.isEmpty()) {
                commit(id, status, rows, batch);
            }
        }
    }

    /** Takes a batch in one transaction; if that fails, each order on its own. */
    private void commit(long id, ImportStatus status, OrderRows rows, List<List<CSVRecord>> batch) {
        try {
            transactions.executeWithoutResult(tx -> take(id, status, rows, batch));
        } catch (LeaseLost e) {
            throw e;
        } catch (RuntimeException batchFailed) {
            for (List<CSVRecord> order : batch) {
                try {
                    transactions.executeWithoutResult(tx -> take(id, status, rows, List.of(order)));
                } catch (LeaseLost e) {
                    throw e;
                } catch (DomainException | DataAccessException orderFailed) {
                    String why = orderFailed instanceof EventIdConflict
                            ? "this order was imported before with other lines or another customer; a re-import does"
                                    + " not change a placed order (its later dates, carrier and tracking do apply)"
                            : "the order could not be applied: " + orderFailed.getMessage();
                    transactions.executeWithoutResult(tx -> refuse(id, order, why));
                }
            }
        }
    }

    private void take(long id, ImportStatus status, OrderRows rows, List<List<CSVRecord>> batch) {
        int rowCount = 0;
        int rowsFailed = 0;
        int orders = 0;
        int ordersFailed = 0;
        for (List<CSVRecord> order : batch) {
            rowCount += order.size();
            OrderRows.Mapped mapped = rows.map(order);
            if (mapped.refused()) {
                store.addProblems(id, mapped.problems());
                rowsFailed += order.size();
                ordersFailed++;
                continue;
            }
            for (OrderRows.Event event : mapped.events()) {
                ingestion.ingest(status.storefront(), event.event(), event.sha256(), event.json());
            }
            // Each order's entities are written and let go: a batch's persistence context would
            // otherwise grow with every order, and every query's auto-flush check with it.
            entities.flush();
            entities.clear();
            orders++;
        }
        progress(id, rowCount, rowsFailed, orders, ordersFailed);
    }

    private void refuse(long id, List<CSVRecord> order, String why) {
        store.addProblems(id, List.of(new RowProblem(order.get(0).getRecordNumber(), null, why)));
        progress(id, order.size(), order.size(), 0, 1);
    }

    private void progress(long id, int rows, int rowsFailed, int orders, int ordersFailed) {
        if (!store.progress(id, name, rows, rowsFailed, orders, ordersFailed, clock.instant(), LEASE)) {
            throw new LeaseLost();
        }
    }

    /** Another worker took the import over (this one stalled past its lease): stop without a word. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }
}
