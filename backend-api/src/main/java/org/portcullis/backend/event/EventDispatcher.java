package org.portcullis.backend.event;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.store.Database;

/**
 * Handles events one at a time, in the order received: each is logged; if an ignore rule matches, that is all
 * (at INFO); otherwise the event script runs, if one is configured. Expired ignore rules are removed as they are
 * met, each with a log line. The queue is bounded: when full, an event is dropped and counted.
 */
public final class EventDispatcher implements EventReceiver, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final Database database;
    private final Path workFolder;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();

    /**
     * A dispatcher with its own thread.
     *
     * @param database where the ignore rules and the script settings are
     * @param workFolder where the script's output is kept while it runs (the data folder)
     * @param queueSize events waiting at most
     * @param clock the time ignore rules are checked against
     */
    public EventDispatcher(Database database, Path workFolder, int queueSize, Clock clock) {
        this.database = database;
        this.workFolder = workFolder;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueSize),
                runnable -> {
                    Thread thread = new Thread(runnable, "backend-events");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public boolean receive(Event event) {
        if (worker.isShutdown()) {
            LOG.info("stopping: an event from {} is not handled: {}", event.relay(), event.message());
            return false;
        }
        try {
            worker.execute(() -> handle(event));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("event queue full: dropped an event from {} ({} dropped so far)", event.relay(),
                    dropped.incrementAndGet());
            return false;
        }
    }

    /** Removes expired ignore rules now, each with a log line (also done as events arrive). */
    public void removeExpiredRules() {
        worker.execute(() -> activeRules(clock.instant()));
    }

    /** Events handled so far (ignored or passed to the script). */
    public long handled() {
        return handled.get();
    }

    private void handle(Event event) {
        try {
            Instant now = clock.instant();
            LOG.log(event.severity().level(), "event from {} (via {}) at {}: {} {}", event.relay(), event.source(),
                    event.time(), event.severity(), event.message());
            Optional<IgnoreRule> rule = activeRules(now).stream().filter(r -> r.matches(event.message(), now))
                    .findFirst();
            if (rule.isPresent()) {
                LOG.info("event from {} ignored by rule {} ({}): {}", event.relay(), rule.get().id(),
                        rule.get().description(), event.message());
                return;
            }
            Optional<EventScriptSettings> script = database.read(EventScriptSettings::read);
            if (script.isPresent()) {
                int exit = EventScript.run(script.get(), event, workFolder);
                LOG.debug("event script {} exited with {}", script.get().script(), exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A failing script or database must not stop the events that follow.
            LOG.error("event from {} could not be handled: {}", event.relay(), e.toString());
        } finally {
            handled.incrementAndGet();
        }
    }

    private List<IgnoreRule> activeRules(Instant now) {
        List<IgnoreRule> rules = database.read(IgnoreRuleTable::list);
        for (IgnoreRule rule : rules) {
            if (rule.isExpired(now) && database.transaction(c -> IgnoreRuleTable.delete(c, rule.id()))) {
                LOG.info("ignore rule {} (\"{}\": {}) expired at {} and was removed", rule.id(), rule.pattern(),
                        rule.description(), rule.validUntil());
            }
        }
        return rules.stream().filter(rule -> !rule.isExpired(now)).toList();
    }

    /** Stops taking events; lets the running script finish (up to its timeout). */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
