package org.portcullis.backend.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The export file: one JSON object, {@code "format": "portcullis-backend-export"}, {@code "formatVersion": 1},
 * {@code "relayConfig"} (the relay-config document, its {@code trust.crlsPem} empty), and the backend's own parts:
 * {@code "crls"} (each {@code source} and {@code crlPem}), {@code "crlUrls"}, {@code "tokens"} ({@code name},
 * {@code sha256}, {@code created}, {@code revoked}), {@code "ignoreRules"} ({@code pattern}, {@code description},
 * {@code validFrom}, {@code validUntil}) and {@code "eventScript"} ({@code path}, {@code timeoutMillis}) or null.
 * A plain relay-config document (with
 * {@code schemaVersion} at the top) is read as an export of the relay configuration alone.
 */
final class ExportFormat {
    static final String FORMAT = "portcullis-backend-export";
    static final int VERSION = 1;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ExportFormat() {
    }
}
