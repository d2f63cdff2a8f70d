package org.portcullis.config;

import java.nio.file.Path;

/**
 * Reads, validates and writes the configuration document: a document over {@value #MAX_DOCUMENT_BYTES} octets
 * is refused before parsing, unknown fields are errors, and every error in the document is listed.
 */
public final class ConfigLoader {
    /** The largest document accepted: 4 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private ConfigLoader() {
    }

    /** Parses and validates a document; throws ConfigException listing every error. */
    public static RelayConfig parse(byte[] json) {
        throw new UnsupportedOperationException("being written");
    }

    /** Reads, parses and validates a document file; throws ConfigException listing every error. */
    public static RelayConfig read(Path file) {
        throw new UnsupportedOperationException("being written");
    }

    /** The document as JSON that {@link #parse} reads back to an equal configuration. */
    public static byte[] toJson(RelayConfig config) {
        throw new UnsupportedOperationException("being written");
    }
}
