package org.portcullis.backend.document;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.event.Event;
import org.portcullis.backend.event.EventReceiver;
import org.portcullis.backend.event.Severity;
import org.portcullis.backend.store.Database;
import org.portcullis.backend.store.Setting;
import org.portcullis.backend.store.SettingsTable;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;

/**
 * Rebuilds the document from the database when told something changed, on its own thread, one rebuild at a time
 * (requests during a rebuild coalesce into one more). A document with new content is validated as relay-server
 * would validate it, gets the next revision number (kept in the database, so a restart does not renumber the same
 * content) and is published. A stored state that does not validate is logged and raised as an event, once per
 * distinct set of errors, and the last valid document stays in service.
 */
public final class DocumentRefresher implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final Database database;
    private final StateReader reader;
    private final DocumentPublisher publisher;
    private final EventReceiver events;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread refresher = new Thread(runnable, "backend-refresh");
        refresher.setDaemon(true);
        return refresher;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    // Guarded by this: refreshNow is synchronized.
    private byte[] publishedDigest;
    private List<String> lastErrors;

    public DocumentRefresher(Database database, StateReader reader, DocumentPublisher publisher,
                             EventReceiver events) {
        this.database = database;
        this.reader = reader;
        this.publisher = publisher;
        this.events = events;
    }

    /** Asks for a rebuild soon; returns at once. */
    public void refreshSoon() {
        if (requested.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.execute(this::run);
        }
    }

    /** Rebuilds now, on the calling thread (at start, before the service listens). */
    public synchronized void refreshNow() {
        requested.set(false);
        try {
            refresh();
        } catch (RuntimeException e) {
            // The database may be back at the next change or periodic refresh; the served document stays.
            LOG.error("configuration refresh failed, the document served stays: {}", e.getMessage());
        }
    }

    private void run() {
        refreshNow();
    }

    private void refresh() {
        DocumentAssembler.Assembly assembly = DocumentAssembler.assemble(database.read(reader::read));
        if (!assembly.valid()) {
            invalid(assembly.errors());
            return;
        }
        RelayConfig config = assembly.config();
        byte[] digest = PublishedDocument.sha256(ConfigLoader.toJson(config));
        if (publishedDigest != null && Arrays.equals(digest, publishedDigest)) {
            valid();
            return;
        }
        try {
            ConfigLoader.validate(config);
        } catch (ConfigException e) {
            invalid(e.errors());
            return;
        }
        long revision = revisionFor(HexFormat.of().formatHex(digest));
        byte[] json = ConfigLoader.toJson(config.withRevision(Long.toString(revision)));
        publisher.publish(PublishedDocument.of(json, revision));
        publishedDigest = digest;
        valid();
        LOG.info("configuration revision {} published: {} partners, {} routes, {} CAs, {} CRLs, {} octets", revision,
                config.partners().size(), config.routes().size(), config.trust().caCertificates().size(),
                config.trust().crls().size(), json.length);
    }

    /** The revision of this content: the stored one if the content is the stored one, else the next. */
    private long revisionFor(String digest) {
        return database.transaction(c -> {
            long stored = SettingsTable.get(c, Setting.DOCUMENT_REVISION).map(Long::parseLong).orElse(0L);
            if (digest.equals(SettingsTable.get(c, Setting.DOCUMENT_DIGEST).orElse(null))) {
                return stored;
            }
            SettingsTable.put(c, Setting.DOCUMENT_REVISION, Long.toString(stored + 1));
            SettingsTable.put(c, Setting.DOCUMENT_DIGEST, digest);
            return stored + 1;
        });
    }

    private void invalid(List<String> errors) {
        if (errors.equals(lastErrors)) {
            return;
        }
        lastErrors = errors;
        PublishedDocument served = publisher.current();
        String serving = served == null ? "no document is served yet" : "revision " + served.revision()
                + " stays in service";
        LOG.error("the stored configuration is not valid ({}): {}", serving, String.join("; ", errors));
        events.receive(Event.backend(Severity.ERROR, "the stored configuration is not valid (" + serving + "): "
                + String.join("; ", errors)));
    }

    private void valid() {
        if (lastErrors != null) {
            LOG.info("the stored configuration is valid again");
            lastErrors = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
