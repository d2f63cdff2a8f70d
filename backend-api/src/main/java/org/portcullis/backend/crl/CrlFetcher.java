package org.portcullis.backend.crl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.event.Event;
import org.portcullis.backend.event.EventReceiver;
import org.portcullis.backend.event.Severity;
import org.portcullis.backend.store.Database;
import org.portcullis.backend.store.TrustedCaTable;

/**
 * Fetches the CRLs of the distribution points relays report: each new URL at once, every URL again each
 * interval, one download at a time on its own thread. A fetched CRL replaces the one held from the same URL only
 * if {@link CrlChecks} finds nothing wrong with it; a bad or unreachable CRL is logged, recorded in the URL's
 * status and raised as an event (once per distinct problem), and the CRL held stays. A URL whose host is not
 * on the configured allow-list is not fetched at all, and that is raised the same way.
 */
public final class CrlFetcher implements CrlUrlReceiver, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final Database database;
    private final EventReceiver events;
    private final CrlSettings settings;
    private final ScheduledExecutorService timers;
    private final Executor storeExecutor;
    private final ExecutorService downloads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backend-crl");
        thread.setDaemon(true);
        return thread;
    });
    private final CloseableHttpClient client;

    /**
     * A fetcher; {@link #start} schedules it.
     *
     * @param database where the URLs, the CRLs and the trusted CAs are
     * @param events where problems are raised
     * @param settings interval, timeouts and limits
     * @param timers schedules the rounds and cuts downloads off at the total timeout
     * @param storeExecutor stores reported URLs (database work off the event loop)
     */
    public CrlFetcher(Database database, EventReceiver events, CrlSettings settings, ScheduledExecutorService timers,
                      Executor storeExecutor) {
        this.database = database;
        this.events = events;
        this.settings = settings;
        this.timers = timers;
        this.storeExecutor = storeExecutor;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("portcullis-backend-api")
                .build();
    }

    /** Fetches every URL now, and again each interval after a round ends (rounds never pile up). */
    public void start() {
        downloads.execute(this::round);
    }

    private void round() {
        try {
            fetchAll();
        } finally {
            try {
                timers.schedule(() -> {
                    if (!downloads.isShutdown()) {
                        downloads.execute(this::round);
                    }
                }, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("CRL rounds stop: the service is stopping");
            }
        }
    }

    @Override
    public CompletableFuture<Integer> receive(List<String> urls) {
        return CompletableFuture.supplyAsync(() -> store(urls), storeExecutor);
    }

    private int store(List<String> urls) {
        Instant now = Instant.now();
        List<String> added = database.transaction(c -> {
            int room = settings.maxUrls() - CrlUrlTable.count(c);
            List<String> fresh = new ArrayList<>();
            for (String url : urls.stream().distinct().toList()) {
                if (fresh.size() < room && CrlUrlTable.add(c, url, now)) {
                    fresh.add(url);
                }
            }
            return fresh;
        });
        if (!added.isEmpty()) {
            LOG.info("CRL URLs reported: {} new ({})", added.size(), String.join(", ", added));
            added.forEach(url -> downloads.execute(() -> fetch(url)));
        }
        return added.size();
    }

    /** Fetches every known URL, one after the other. */
    void fetchAll() {
        try {
            database.read(CrlUrlTable::list).forEach(status -> fetch(status.url()));
        } catch (RuntimeException e) {
            // The next round tries again; a failing database must not end the schedule.
            LOG.error("CRL round failed: {}", e.toString());
        }
    }

    /** Fetches one URL on the calling thread and keeps what it gives only if it is a good CRL (the CLI's way). */
    public void fetchNow(String url) {
        fetch(url);
    }

    /** Fetches one URL and keeps what it gives only if it is a good CRL. */
    void fetch(String url) {
        Instant now = Instant.now();
        String host = host(url);
        if (!settings.allows(host)) {
            refuse(url, "CRL host not allowed: " + host + " (not in --crl-allowed-hosts " + settings.allowedHosts()
                    + "); not fetched", now);
            return;
        }
        String problem;
        try {
            X509CRL crl = StoredCrl.parse(download(url));
            List<X509Certificate> cas = database.read(TrustedCaTable::list).stream()
                    .map(TrustedCaTable.TrustedCa::certificate).toList();
            Optional<StoredCrl> held = database.read(c -> CrlTable.get(c, url));
            problem = CrlChecks.problem(crl, cas, held.orElse(null), now);
            if (problem == null) {
                keep(url, crl, held, now);
                return;
            }
        } catch (IOException e) {
            problem = "unreachable: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("CRL {}: fetch failed: {}", url, e.toString());
            return;
        }
        refuse(url, problem, now);
    }

    private void keep(String url, X509CRL crl, Optional<StoredCrl> held, Instant now) {
        StoredCrl fresh = StoredCrl.of(url, crl);
        if (held.isPresent() && held.get().crlPem().equals(fresh.crlPem())) {
            database.transaction(c -> {
                CrlUrlTable.recordAttempt(c, url, now, null);
                return null;
            });
            LOG.debug("CRL {}: unchanged", url);
            return;
        }
        database.write(c -> {
            CrlTable.put(c, fresh);
            CrlUrlTable.recordAttempt(c, url, now, null);
            return null;
        });
        LOG.info("CRL {}: stored the CRL of {} (thisUpdate {}, nextUpdate {}, {} revoked)", url, fresh.issuer(),
                fresh.thisUpdate(), fresh.nextUpdate(), crl.getRevokedCertificates() == null ? 0
                        : crl.getRevokedCertificates().size());
    }

    private void refuse(String url, String problem, Instant now) {
        String previous = database.transaction(c -> {
            String last = CrlUrlTable.get(c, url).map(CrlUrlStatus::lastError).orElse(null);
            CrlUrlTable.recordAttempt(c, url, now, problem);
            return last;
        });
        LOG.warn("CRL {}: refused, {}; the CRL held (if any) stays", url, problem);
        if (!problem.equals(previous)) {
            events.receive(Event.backend(Severity.ERROR, "CRL " + url + " refused: " + problem
                    + "; the last good CRL stays in the configuration"));
        }
    }

    /** The host of a URL, or null when it has none (such a URL is never on an allow-list). */
    private static String host(String url) {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private byte[] download(String url) throws IOException {
        HttpGet get = new HttpGet(url);
        ScheduledFuture<?> deadline = timers.schedule(() -> get.cancel(), settings.totalTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            return client.execute(get, this::body);
        } finally {
            deadline.cancel(false);
        }
    }

    private byte[] body(ClassicHttpResponse response) throws IOException {
        if (response.getCode() != 200) {
            throw new IOException("HTTP " + response.getCode() + " " + response.getReasonPhrase());
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new IOException("the response has no body");
        }
        if (entity.getContentLength() > settings.maxBytes()) {
            throw new IOException("the CRL is " + entity.getContentLength() + " octets, over the limit of "
                    + settings.maxBytes());
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(settings.maxBytes() + 1);
            if (body.length > settings.maxBytes()) {
                throw new IOException("the CRL is over the limit of " + settings.maxBytes() + " octets");
            }
            return body;
        }
    }

    /** Stops fetching and closes the HTTP client. */
    @Override
    public void close() {
        downloads.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
