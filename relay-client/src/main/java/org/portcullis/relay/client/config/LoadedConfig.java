package org.portcullis.relay.client.config;

import java.util.Objects;
import org.portcullis.config.RelayConfig;

/**
 * A configuration document that validated, with the octets it was read from: the octets are what relay-client
 * pushes to relay-server, the record is what relay-client itself uses (routes, the inside daemon).
 *
 * @param config   the validated configuration
 * @param document the JSON document exactly as read (not copied: never modified)
 */
public record LoadedConfig(RelayConfig config, byte[] document) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(document, "document");
    }

    @Override
    public String toString() {
        // Never the document: it carries password hashes and keys.
        return "LoadedConfig[revision " + config.revision() + ", " + document.length + " octets]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoadedConfig loaded && loaded.config.equals(config)
                && java.util.Arrays.equals(loaded.document, document);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(document);
    }
}
