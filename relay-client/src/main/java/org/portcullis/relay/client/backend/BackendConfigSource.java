package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.proxy.http.NoRouteException;
import org.portcullis.proxy.http.OutboundResponse;
import org.portcullis.proxy.http.ResponseTooLargeException;
import org.portcullis.relay.client.config.ConfigAge;
import org.portcullis.relay.client.config.ConfigSource;
import org.portcullis.relay.client.config.LoadedConfig;

/**
 * The configuration from the backend (DESIGN.md "Configuration pull"): {@code GET /v1/config} on a thread of its
 * own, with the entity tag of the last document so an unchanged one costs a {@code 304}, as a long poll when the
 * backend holds it ({@link PollPacing}). A new document is validated whole; a valid one becomes current and goes
 * to the listener, an invalid one is refused with its errors logged and the last good one stays. A backend that
 * cannot be reached or refuses the poll changes nothing: the last good configuration stays and the poll is
 * retried (after the route's backoff when no route reached it).
 */
final class BackendConfigSource implements ConfigSource {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_LOGGED_BODY = 200;
    /** {@link #lastRefusal} after a document over the limit: no HTTP status. */
    private static final int TOO_LARGE = -1;

    private final BackendApi api;
    private final PollPacing pacing;
    private final Clock clock;
    private final Consumer<String> refusals;
    private final PollCounts counts = new PollCounts();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "backend-poll");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LoadedConfig current;
    private volatile Instant receivedAt;
    private volatile Instant lastAnswer;
    private volatile boolean closed;
    // Touched by the poll thread only.
    private Consumer<LoadedConfig> listener;
    private String seenEtag;
    private int failedInARow;
    private int lastRefusal;

    /**
     * @param refusals told (as one line) about a document refused because it does not validate
     */
    BackendConfigSource(BackendApi api, PollPacing pacing, Clock clock, Consumer<String> refusals) {
        this.api = api;
        this.pacing = pacing;
        this.clock = clock;
        this.refusals = refusals;
    }

    @Override
    public Optional<LoadedConfig> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public void start(Consumer<LoadedConfig> newConfigListener) {
        this.listener = Objects.requireNonNull(newConfigListener, "newConfigListener");
        timer.execute(this::poll);
    }

    /** The polls so far and how they ended. */
    PollCounts counts() {
        return counts;
    }

    @Override
    public Map<String, String> status() {
        LoadedConfig config = current;
        Instant received = receivedAt;
        Instant answer = lastAnswer;
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("config.source", api.endpoints().display());
        lines.put("config.revision", config == null ? "none yet" : config.config().revision());
        lines.put("config.age", received == null ? "-" : ConfigAge.of(received, clock.instant()));
        lines.put("backend.lastAnswer", answer == null ? "never" : answer.toString());
        lines.put("backend.polls", counts.toString());
        lines.put("backend.longPoll", pacing.longPollWait().isZero() ? "off" : pacing.held()
                .map(held -> held ? "held by the backend" : "not held by the backend")
                .orElse("asked for (no unchanged answer yet)"));
        return lines;
    }

    /** Stops polling; a poll under way ends when the outbound client is closed. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }

    /** One poll, on the poll thread: the boundary where every failure is logged, never thrown. */
    private void poll() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        Duration next;
        try {
            counts.polls.incrementAndGet();
            OutboundResponse response = api.fetchConfig(seenEtag, pacing.longPollWait());
            next = answered(response, since(started));
        } catch (ResponseTooLargeException e) {
            tooLarge(e);
            next = pacing.afterFailure(since(started), null);
        } catch (NoRouteException e) {
            next = pacing.afterFailure(since(started), unreachable(e.getMessage(), e.retryAfter()));
        } catch (IOException e) {
            next = pacing.afterFailure(since(started), unreachable(e.toString(), null));
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("configuration poll of {} failed", api.endpoints().display(), e);
            }
            next = pacing.afterFailure(since(started), null);
        }
        schedule(next);
    }

    private Duration answered(OutboundResponse response, Duration took) {
        lastAnswer = clock.instant();
        if (failedInARow > 0) {
            LOG.info("backend {} answers again (after {} failed poll(s)), via {}", api.endpoints().display(),
                    failedInARow, response.route());
            failedInARow = 0;
        }
        if (response.status() == 200) {
            lastRefusal = 0;
            boolean repeated = !document(response);
            return pacing.afterDocument(took, repeated);
        }
        if (response.status() == 304) {
            lastRefusal = 0;
            counts.unchanged.incrementAndGet();
            return pacing.afterNotModified(took);
        }
        return refusedPoll(response, took);
    }

    /** Takes a document; returns false when it is the one relay-client has (the backend ignored the tag). */
    private boolean document(OutboundResponse response) {
        byte[] document = response.body();
        // Remembered for a refused document too: the backend then holds the poll instead of sending it again.
        seenEtag = response.etag().orElse(null);
        LoadedConfig before = current;
        if (before != null && Arrays.equals(before.document(), document)) {
            return false;
        }
        LoadedConfig next;
        try {
            next = new LoadedConfig(ConfigLoader.parse(document), document);
        } catch (ConfigException e) {
            counts.refused.incrementAndGet();
            LOG.error("backend {}: configuration refused, {} stays: {} error(s)", api.endpoints().display(),
                    revisionText(), e.errors().size());
            e.errors().forEach(error -> LOG.error("backend configuration: {}", error));
            refusals.accept("relay-client refused the backend's configuration (" + e.errors().size()
                    + " error(s), the first: " + e.errors().get(0) + "); " + revisionText() + " stays");
            return true;
        }
        current = next;
        receivedAt = clock.instant();
        counts.documents.incrementAndGet();
        LOG.info("backend {}: configuration revision {} received ({} octets, via {})", api.endpoints().display(),
                next.config().revision(), document.length, response.route());
        listener.accept(next);
        return true;
    }

    /**
     * A document over the limit, cut while it was read: refused whole like one that does not validate (logged and
     * reported once, until a good one came), the last good one stays.
     */
    private void tooLarge(ResponseTooLargeException e) {
        lastAnswer = clock.instant();
        counts.refused.incrementAndGet();
        boolean repeated = lastRefusal == TOO_LARGE;
        lastRefusal = TOO_LARGE;
        LOG.log(repeated ? Level.DEBUG : Level.ERROR, "backend {}: configuration refused, {} stays: {} (the limit "
                + "is {} octets)", api.endpoints().display(), revisionText(), e.getMessage(),
                ConfigLoader.MAX_DOCUMENT_BYTES);
        if (!repeated) {
            refusals.accept("relay-client refused the backend's configuration: " + e.getMessage() + "; "
                    + revisionText() + " stays");
        }
    }

    /** An answer that is neither a document nor {@code 304}: logged when it changes, retried later. */
    private Duration refusedPoll(OutboundResponse response, Duration took) {
        counts.failures.incrementAndGet();
        int status = response.status();
        boolean repeated = status == lastRefusal;
        lastRefusal = status;
        if (status == 401) {
            LOG.log(repeated ? Level.DEBUG : Level.ERROR,
                    "backend {} refused the token (401): check -T; {} stays", api.endpoints().display(),
                    revisionText());
        } else if (status == 503) {
            LOG.log(repeated ? Level.DEBUG : Level.WARN,
                    "backend {} has no configuration to give (503); {} stays", api.endpoints().display(),
                    revisionText());
        } else {
            LOG.log(repeated ? Level.DEBUG : Level.WARN,
                    "backend {} answered the configuration poll with {}: {}; {} stays", api.endpoints().display(),
                    status, abbreviated(response.bodyText()), revisionText());
        }
        return pacing.afterFailure(took, BackendApi.retryAfter(response));
    }

    /** No answer at all; returns when to try again, or null for the poll interval. */
    private Duration unreachable(String reason, Duration retryAfter) {
        if (closed) {
            return retryAfter;
        }
        counts.failures.incrementAndGet();
        failedInARow++;
        if (failedInARow == 1) {
            LOG.warn("backend {} unreachable: {}; {} stays, the relay goes on", api.endpoints().display(), reason,
                    revisionText());
        } else {
            LOG.debug("backend {} still unreachable ({} polls): {}", api.endpoints().display(), failedInARow, reason);
        }
        return retryAfter;
    }

    private void schedule(Duration delay) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing more to poll.
        }
    }

    private String revisionText() {
        LoadedConfig config = current;
        return config == null ? "no configuration (none received yet)" : "configuration revision "
                + config.config().revision();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() <= MAX_LOGGED_BODY ? line : line.substring(0, MAX_LOGGED_BODY) + "…";
    }
}
