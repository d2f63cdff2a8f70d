package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.proxy.http.NoRouteException;
import org.portcullis.proxy.http.OutboundResponse;
import org.portcullis.proxy.http.RetryBackoff;

/**
 * Reports for the backend (CRL URLs, events), sent in order, one at a time, on a thread of their own, and held
 * while the backend cannot take them: a call that finds no route, no answer, or a {@code 401}, {@code 429} or
 * {@code 5xx} is tried again after the route's backoff (or the backend's {@code Retry-After}, or this queue's
 * backoff) until it goes through. The queue is bounded in reports and octets: what does not fit is dropped,
 * counted and logged. A report the backend refuses as malformed (another {@code 4xx}) is dropped with the
 * backend's reason, since sending it again could not help. {@link #offer} never blocks (it runs on the link's
 * event loop).
 */
final class ReportQueue implements AutoCloseable {
    /** The most octets held, whatever the number of reports. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Drops in a row after the first are logged once per this many. */
    private static final int DROP_LOG_EVERY = 100;
    private static final Logger LOG = LogManager.getLogger();

    private final BackendApi api;
    private final int capacity;
    private final RetryBackoff backoff;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "backend-reports");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    // Guarded by this.
    private final Deque<Report> waiting = new ArrayDeque<>();
    private long waitingBytes;
    private boolean sending;
    private boolean closed;
    private long droppedSinceDelivery;
    // The sender thread's.
    private int failedInARow;

    /**
     * @param capacity the most reports held
     * @param backoff  the waits between tries when neither the route nor the backend says how long
     */
    ReportQueue(BackendApi api, int capacity, RetryBackoff backoff) {
        this.api = api;
        this.capacity = capacity;
        this.backoff = backoff;
    }

    /** Queues a report for the backend, or drops it (counted, logged) when the queue is full. Never blocks. */
    void offer(Report report) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (waiting.size() >= capacity || waitingBytes + report.size() > MAX_BYTES) {
                dropped(report);
                return;
            }
            waiting.addLast(report);
            waitingBytes += report.size();
            if (sending) {
                return;
            }
            sending = true;
        }
        schedule(Duration.ZERO);
    }

    /** Reports delivered, dropped because the queue was full, refused by the backend, and waiting. */
    Map<String, String> status() {
        Map<String, String> lines = new LinkedHashMap<>();
        synchronized (this) {
            lines.put("reports.waiting", Integer.toString(waiting.size()));
        }
        lines.put("reports.delivered", Long.toString(delivered.get()));
        lines.put("reports.dropped", Long.toString(dropped.get()));
        lines.put("reports.refused", Long.toString(refused.get()));
        return lines;
    }

    /** Reports dropped because the queue was full. */
    long droppedCount() {
        return dropped.get();
    }

    /** Reports the backend took. */
    long deliveredCount() {
        return delivered.get();
    }

    /** Stops sending; what still waits is counted in the log and lost. */
    @Override
    public void close() {
        int left;
        synchronized (this) {
            closed = true;
            left = waiting.size();
            waiting.clear();
        }
        sender.shutdownNow();
        if (left > 0) {
            LOG.warn("{} report(s) for the backend not delivered before relay-client stopped", left);
        }
    }

    /** Sends what waits, in order, until the queue is empty or a call must be tried again later. */
    private void drain() {
        while (true) {
            Report head;
            synchronized (this) {
                head = waiting.peekFirst();
                if (head == null || closed) {
                    sending = false;
                    return;
                }
            }
            Duration again = sendOrRetryLater(head);
            if (again != null) {
                schedule(again);
                return;
            }
            synchronized (this) {
                if (waiting.peekFirst() == head) {
                    waiting.removeFirst();
                    waitingBytes -= head.size();
                }
            }
        }
    }

    /** One call, the boundary where failures are logged: null once done with the report, else when to retry. */
    private Duration sendOrRetryLater(Report report) {
        OutboundResponse response;
        try {
            response = api.post(report.uri(), report.json());
        } catch (NoRouteException e) {
            return failed(report, e.getMessage(), e.retryAfter());
        } catch (IOException e) {
            return failed(report, e.toString(), null);
        } catch (RuntimeException e) {
            if (!isClosed()) {
                LOG.error("sending {} to the backend failed", report.what(), e);
            }
            return failed(report, e.toString(), null);
        }
        int status = response.status();
        if (status / 100 == 2) {
            delivered(report);
            return null;
        }
        if (status == 401 || status == 408 || status == 429 || status >= 500) {
            return failed(report, "the backend answered " + status, BackendApi.retryAfter(response));
        }
        refused.incrementAndGet();
        LOG.warn("backend {} refused {} with {}: {}; dropped", report.uri(), report.what(), status,
                response.bodyText().strip());
        return null;
    }

    private Duration failed(Report report, String reason, Duration retryAfter) {
        failedInARow++;
        Duration wait = retryAfter != null ? retryAfter : backoff.delay(failedInARow, ThreadLocalRandom.current());
        if (failedInARow == 1 && !isClosed()) {
            LOG.warn("backend {} did not take {}: {}; {} report(s) held until it does", report.uri(),
                    report.what(), reason, waitingCount());
        } else {
            LOG.debug("backend {} still does not take {} ({} tries, next in {} ms): {}", report.uri(), report.what(),
                    failedInARow, wait.toMillis(), reason);
        }
        return wait;
    }

    private void delivered(Report report) {
        delivered.incrementAndGet();
        LOG.debug("backend {} took {}", report.uri(), report.what());
        long droppedMeanwhile;
        synchronized (this) {
            droppedMeanwhile = droppedSinceDelivery;
            droppedSinceDelivery = 0;
        }
        if (failedInARow > 0 || droppedMeanwhile > 0) {
            LOG.info("backend {} takes reports again after {} failed tries; {} report(s) were dropped meanwhile "
                    + "({} in all)", report.uri(), failedInARow, droppedMeanwhile, dropped.get());
            failedInARow = 0;
        }
    }

    /** Called with the lock held. */
    private void dropped(Report report) {
        long total = dropped.incrementAndGet();
        droppedSinceDelivery++;
        if (droppedSinceDelivery == 1 || droppedSinceDelivery % DROP_LOG_EVERY == 0) {
            LOG.warn("report queue for the backend full ({} reports held): {} dropped; {} dropped since the last "
                    + "delivery, {} in all", waiting.size(), report.what(), droppedSinceDelivery, total);
        }
    }

    private void schedule(Duration delay) {
        try {
            sender.schedule(this::drain, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: what waits is counted in close().
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized int waitingCount() {
        return waiting.size();
    }
}
