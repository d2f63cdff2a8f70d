package org.portcullis.relay.server.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;

/**
 * Tells relay-client (and through it the backend, which fetches the CRLs) about CRL distribution points seen in
 * partner certificates (RFC 5280 §4.2.1.13): each URL once, as a {@code CRL_URLS} control message
 * {@code {"urls":[...]}}; URLs seen while no link is up are sent when one comes up. Thread-safe.
 */
public final class CrlUrlReporter {
    /** Distinct URLs remembered; beyond this, new ones are still reported but no longer deduplicated. */
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LogManager.getLogger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InsideLink link;
    private final Set<String> seen = new LinkedHashSet<>();
    private final Set<String> unsent = new LinkedHashSet<>();

    public CrlUrlReporter(InsideLink link) {
        this.link = link;
    }

    /** Reports the distribution points of a partner's chain that were not reported before. */
    public void seen(List<X509Certificate> chain) {
        List<String> fresh = new ArrayList<>();
        synchronized (this) {
            for (X509Certificate certificate : chain) {
                for (String url : CrlDistributionPoints.of(certificate)) {
                    if (!seen.contains(url)) {
                        if (seen.size() < MAX_REMEMBERED) {
                            seen.add(url);
                        }
                        fresh.add(url);
                    }
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            unsent.addAll(fresh);
        }
        flush();
    }

    /** Sends what is waiting; called when a link comes up. */
    public void flush() {
        List<String> urls;
        synchronized (this) {
            if (unsent.isEmpty() || link.current().isEmpty()) {
                return;
            }
            urls = List.copyOf(unsent);
            unsent.clear();
        }
        if (link.sendControl(message(urls))) {
            LOG.info("reported {} new CRL distribution point(s) to relay-client: {}", urls.size(), urls);
        } else {
            synchronized (this) {
                unsent.addAll(urls);
            }
        }
    }

    private static ControlMessage message(List<String> urls) {
        try {
            return new ControlMessage(ControlType.CRL_URLS, JSON.writeValueAsBytes(Map.of("urls", urls)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }
}
