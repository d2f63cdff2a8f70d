package org.portcullis.backend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.crl.CrlFetcher;
import org.portcullis.backend.document.ChangeWatcher;
import org.portcullis.backend.document.DocumentPublisher;
import org.portcullis.backend.document.DocumentRefresher;
import org.portcullis.backend.document.StateReader;
import org.portcullis.backend.event.EventDispatcher;
import org.portcullis.backend.http.ApiServer;
import org.portcullis.backend.http.ApiServices;
import org.portcullis.backend.store.Store;
import org.portcullis.backend.token.FailureThrottle;
import org.portcullis.backend.token.TokenVerifier;
import org.portcullis.config.Addresses;

/**
 * The running service, wired: the store, the document refresher with its change watcher and periodic refresh,
 * the event dispatcher, the CRL fetcher and the HTTPS API. {@link #start} returns once the API listens (with the
 * document built, if the stored configuration is valid); {@link #close} stops everything in reverse order.
 */
public final class BackendService implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    private static final int DATABASE_THREADS = 4;

    private final Deque<AutoCloseable> parts;
    private final InetSocketAddress address;
    private final DocumentPublisher publisher;
    private final EventDispatcher events;

    private BackendService(Deque<AutoCloseable> parts, InetSocketAddress address, DocumentPublisher publisher,
                           EventDispatcher events) {
        this.parts = parts;
        this.address = address;
        this.publisher = publisher;
        this.events = events;
    }

    /**
     * Starts the service.
     *
     * @throws BackendException if the state cannot be opened or the API cannot listen (what was started is stopped)
     */
    public static BackendService start(ServiceSettings settings) throws InterruptedException {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            Store store = push(parts, Store.open(settings.store()));
            EventDispatcher events = push(parts, new EventDispatcher(store.database(), store.folder().root(),
                    settings.eventQueue(), Clock.systemUTC()));
            DocumentPublisher publisher = new DocumentPublisher();
            DocumentRefresher refresher = push(parts, new DocumentRefresher(store.database(),
                    new StateReader(store.identities()), publisher, events));
            refresher.refreshNow();
            push(parts, ChangeWatcher.start(store.folder().changeSignal(), refresher::refreshSoon));
            ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("backend-timer", true));
            push(parts, timers::shutdownNow);
            long refresh = settings.refreshInterval().toMillis();
            timers.scheduleWithFixedDelay(refresher::refreshSoon, refresh, refresh, TimeUnit.MILLISECONDS);
            timers.scheduleWithFixedDelay(events::removeExpiredRules, 0, 1, TimeUnit.HOURS);
            ExecutorService databaseWork = Executors.newFixedThreadPool(DATABASE_THREADS,
                    new DefaultThreadFactory("backend-db", true));
            push(parts, databaseWork::shutdownNow);
            CrlFetcher crls = push(parts, new CrlFetcher(store.database(), events, settings.crl(), timers,
                    databaseWork));
            crls.start();
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("backend-io", true),
                    NioIoHandler.newFactory());
            push(parts, () -> group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly());
            ApiServer api = push(parts, new ApiServer(settings.api(), new ApiServices(
                    new FailureThrottle(settings.throttle(), System::nanoTime),
                    new TokenVerifier(store.database(), databaseWork), publisher, crls, events), group));
            InetSocketAddress address = api.start();
            LOG.info("backend-api serving the configuration of {} on https://{}", store.database().displayUrl(),
                    Addresses.display(address));
            return new BackendService(parts, address, publisher, events);
        } catch (RuntimeException | InterruptedException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** The address the API listens on. */
    public InetSocketAddress address() {
        return address;
    }

    /** The document being served and the requests waiting for a change. */
    public DocumentPublisher publisher() {
        return publisher;
    }

    /** The event dispatcher. */
    public EventDispatcher events() {
        return events;
    }

    /** Stops the API, the fetcher, the watcher and the database, in reverse order of starting. */
    @Override
    public void close() {
        closeAll(parts);
        LOG.info("backend-api stopped");
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> parts, T part) {
        parts.push(part);
        return part;
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                // Stopping goes on: one part failing to stop must not keep the others running.
                LOG.warn("stopping {} failed: {}", part, e.toString());
            }
        }
    }
}
