package org.portcullis.relay.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.config.Addresses;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.link.TlsProvider;
import org.portcullis.relay.server.partner.PartnerListeners;
import org.portcullis.relay.server.partner.PartnerServer;

/**
 * Applies the configuration documents relay-client sends, one at a time on their own thread, all or nothing:
 * the document is validated whole, its TLS contexts are built and its new listeners bound before it takes
 * effect; if any step fails nothing changes. The answer is a {@code CONFIG_RESULT} control message,
 * {@code {"applied":true,"revision":R,"message":"applied revision R"}} or {@code {"applied":false,"errors":[...]}}.
 * Running sessions keep the configuration they started with; listeners no longer named stop accepting.
 */
public final class ConfigApplier {
    private static final Logger LOG = LogManager.getLogger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CurrentConfig current;
    private final PartnerListeners listeners;
    private final Executor configThread;
    private final TlsProvider tls;

    /**
     * @param configThread a single thread, so documents are applied in the order they came
     * @param tls          the TLS implementation of the partners' connections
     */
    public ConfigApplier(CurrentConfig current, PartnerListeners listeners, Executor configThread, TlsProvider tls) {
        this.current = current;
        this.listeners = listeners;
        this.configThread = configThread;
        this.tls = tls;
    }

    /** A {@code CONFIG} message arrived on the link's event loop: applied off it, answered on the same link. */
    public void receive(Link link, ControlMessage message) {
        try {
            configThread.execute(() -> link.sendControl(applyGuarded(message.body())));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.warn("configuration from {} not applied: relay-server is shutting down", link.id());
        }
    }

    private ControlMessage applyGuarded(byte[] document) {
        try {
            return apply(document);
        } catch (RuntimeException bug) {
            LOG.error("configuration not applied: unexpected failure", bug);
            return result(Map.of("applied", false, "errors", List.of("relay-server failed to apply it: " + bug)));
        }
    }

    /** Applies a document; returns the {@code CONFIG_RESULT} to answer with. Blocks: not on an event loop. */
    ControlMessage apply(byte[] document) {
        RelayConfig config;
        ActiveConfig active;
        List<PartnerServer> added;
        try {
            config = ConfigLoader.parse(document);
            active = build(config);
            added = listeners.bindMissing(config.listeners());
        } catch (ConfigException refused) {
            LOG.warn("configuration refused, the one in force stays: {}", String.join("; ", refused.errors()));
            return result(Map.of("applied", false, "errors", refused.errors()));
        }
        current.set(active);
        listeners.commit(config.listeners(), added);
        LOG.info("applied configuration revision {}: {} listener(s) on {}, {} partner(s), {} route(s)",
                config.revision(), config.listeners().size(),
                listeners.addresses().stream().map(Addresses::display).toList(), config.partners().size(),
                config.routes().size());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("applied", true);
        answer.put("revision", config.revision());
        answer.put("message", "applied revision " + config.revision());
        return result(answer);
    }

    private ActiveConfig build(RelayConfig config) {
        try {
            return ActiveConfig.of(config, tls);
        } catch (SSLException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ConfigException("serverIdentity, outgoing or trust: cannot build TLS from them: " + e.getMessage(), e);
        }
    }

    private static ControlMessage result(Map<String, Object> answer) {
        try {
            return new ControlMessage(ControlType.CONFIG_RESULT, JSON.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and lists always serialise", e);
        }
    }
}
