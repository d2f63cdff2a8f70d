package org.portcullis.backend.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.crl.CrlFetcher;
import org.portcullis.backend.crl.CrlSettings;
import org.portcullis.backend.crl.CrlTable;
import org.portcullis.backend.crl.CrlUrlStatus;
import org.portcullis.backend.crl.CrlUrlTable;
import org.portcullis.backend.crl.CrlUrls;
import org.portcullis.backend.crl.StoredCrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crl status|add|remove}: the CRL distribution points, how fetching them goes, the CRLs held. */
@Command(name = "crl", mixinStandardHelpOptions = true,
        description = "Shows and manages the CRLs and where they come from.")
public final class CrlCommands {
    private static final Logger LOG = LogManager.getLogger();

    @Spec
    private CommandSpec spec;

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Lists every CRL URL with its last fetch, and every CRL held.")
    int status(@Mixin StoreOptions store) {
        return Admin.run(spec, store, (session, out) -> status(session, out));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a CRL URL and fetches it now (the service fetches it again every interval).")
    int add(@Mixin StoreOptions store, @Parameters(paramLabel = "URL") String url) {
        return Admin.run(spec, store, (session, out) -> add(session, out, url));
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a CRL URL and its CRL.")
    int remove(@Mixin StoreOptions store, @Parameters(paramLabel = "URL_OR_SOURCE") String url) {
        return Admin.run(spec, store, (session, out) -> {
            boolean removed = session.database().write(c -> CrlUrlTable.delete(c, url) | CrlTable.delete(c, url));
            if (!removed) {
                throw AdminException.failed("no CRL URL or CRL from " + url);
            }
            LOG.info("CRL URL {} removed", url);
            out.println("CRL URL " + url + " removed");
            return Admin.OK;
        });
    }

    private static String describe(StoredCrl crl) {
        return crl.issuer() + ", thisUpdate " + crl.thisUpdate() + ", nextUpdate "
                + (crl.nextUpdate() == null ? "-" : crl.nextUpdate());
    }

    private static int status(AdminSession session, PrintWriter out) {
        Map<String, StoredCrl> held = session.database().read(CrlTable::list).stream()
                .collect(Collectors.toMap(StoredCrl::source, Function.identity()));
        for (CrlUrlStatus url : session.database().read(CrlUrlTable::list)) {
            out.println(url.url());
            out.println("  last fetch:   " + (url.lastAttempt() == null ? "never" : url.lastAttempt())
                    + (url.lastError() == null ? "" : ", failed: " + url.lastError()));
            out.println("  last success: " + (url.lastSuccess() == null ? "never" : url.lastSuccess()));
            StoredCrl crl = held.remove(url.url());
            out.println("  CRL held:     " + (crl == null ? "none" : describe(crl)));
        }
        for (StoredCrl crl : held.values()) {
            out.println(crl.source());
            out.println("  CRL held:     " + describe(crl));
        }
        return Admin.OK;
    }

    private static int add(AdminSession session, PrintWriter out, String url) {
        String problem = CrlUrls.check(url);
        if (problem != null) {
            throw AdminException.badInput(problem);
        }
        session.database().transaction(c -> CrlUrlTable.add(c, url, Instant.now()));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try (CrlFetcher fetcher = new CrlFetcher(session.database(), event -> {
            LOG.warn("{}", event.message());
            return true;
        }, CrlSettings.defaults(), timers, Runnable::run)) {
            fetcher.fetchNow(url);
        } finally {
            timers.shutdownNow();
        }
        Optional<CrlUrlStatus> status = session.database().read(c -> CrlUrlTable.get(c, url));
        String error = status.map(CrlUrlStatus::lastError).orElse(null);
        if (error != null) {
            throw AdminException.failed("CRL URL " + url + " added, but the fetch failed: " + error);
        }
        out.println("CRL URL " + url + " added and fetched");
        return Admin.OK;
    }
}
