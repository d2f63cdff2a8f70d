package org.portcullis.relay.client.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.link.ControlMessage;
import org.portcullis.link.ControlType;
import org.portcullis.link.Link;
import org.portcullis.relay.client.config.LoadedConfig;

/**
 * Hands the configuration to relay-server over the link's control channel (a CONFIG message with the JSON
 * document) and reads the server's CONFIG_RESULT answer: applied, or refused with the server's list of errors.
 */
public final class ConfigPush {
    private static final Logger LOG = LogManager.getLogger();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most of an unexpected answer that goes into a log line. */
    private static final int MAX_LOGGED_TEXT = 2_000;

    private ConfigPush() {
    }

    /** Sends {@code config} on {@code link}; never blocks. */
    public static void push(Link link, LoadedConfig config) {
        link.sendControl(new ControlMessage(ControlType.CONFIG, config.document()));
        LOG.info("[{}] configuration revision {} pushed ({} octets)", link.id(), config.config().revision(),
                config.document().length);
    }

    /**
     * Logs a CONFIG_RESULT: {@code {"applied": true, ...}} at INFO, a refusal with each of its {@code errors} at
     * ERROR (the operator must fix the configuration), anything else as text.
     *
     * @return the revision the server applied; empty when it refused one or answered something else
     */
    public static Optional<String> logResult(Link link, ControlMessage result) {
        JsonNode answer;
        try {
            answer = JSON.readTree(result.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.path("applied").isBoolean()) {
            LOG.warn("[{}] relay-server answered the configuration with: {}", link.id(), abbreviated(result.text()));
            return Optional.empty();
        }
        String revision = answer.path("revision").asText("?");
        if (answer.path("applied").booleanValue()) {
            LOG.info("[{}] relay-server applied configuration revision {}", link.id(), revision);
            return Optional.of(revision);
        }
        JsonNode errors = answer.path("errors");
        LOG.error("[{}] relay-server refused configuration revision {}: {} error(s)", link.id(), revision,
                errors.size());
        errors.forEach(error -> LOG.error("[{}] relay-server: {}", link.id(), abbreviated(error.asText())));
        return Optional.empty();
    }

    static String abbreviated(String text) {
        return text.length() <= MAX_LOGGED_TEXT ? text : text.substring(0, MAX_LOGGED_TEXT) + "…";
    }
}
