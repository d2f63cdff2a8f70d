package org.portcullis.backend.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.portcullis.backend.crl.CrlChecks;
import org.portcullis.backend.crl.CrlUrls;
import org.portcullis.backend.crl.StoredCrl;
import org.portcullis.backend.event.EventScriptSettings;
import org.portcullis.backend.event.IgnoreRule;
import org.portcullis.backend.store.IdentityTable;
import org.portcullis.backend.token.TokenRecord;
import org.portcullis.backend.token.Tokens;
import org.portcullis.config.ConfigException;
import org.portcullis.config.ConfigLoader;
import org.portcullis.config.RelayConfig;

/**
 * {@code config import}: reads an export ({@link ExportFormat}) or a plain relay-config document, validates all of
 * it, and either lists every error or gives a {@link Plan} that replaces the stored configuration in one
 * transaction. A plain relay document replaces the relay configuration and leaves tokens, ignore rules, CRL URLs
 * and the event script as they are.
 */
public final class ConfigImport {
    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "exportedAt", "relayConfig", "crls",
            "crlUrls", "tokens", "ignoreRules", "eventScript");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * A validated import.
     *
     * @param relay the relay configuration
     * @param crls the CRLs with their sources
     * @param backend the backend's own parts, or null to keep the stored ones
     */
    public record Plan(RelayConfig relay, List<StoredCrl> crls, BackendParts backend) {
        /** Replaces the stored configuration, within the caller's transaction. */
        public void apply(Connection connection, IdentityTable identities) throws SQLException {
            RelayConfigWriter.replace(connection, identities, relay, crls);
            if (backend != null) {
                backend.replace(connection);
            }
        }
    }

    private final List<String> errors = new ArrayList<>();

    private ConfigImport() {
    }

    /**
     * Reads and validates a file's content.
     *
     * @throws ConfigException listing every error found, each with the JSON path it concerns
     */
    public static Plan parse(byte[] json) {
        return new ConfigImport().read(json);
    }

    private Plan read(byte[] json) {
        JsonNode root;
        try {
            root = ExportFormat.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ConfigException("document: is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("document: cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("document: must be a JSON object");
        }
        if (root.has("schemaVersion") && !root.has("format")) {
            return new Plan(relay(root, ""), List.of(), null);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(name + ": unknown field");
            }
        });
        if (!ExportFormat.FORMAT.equals(root.path("format").asText(null))
                || root.path("formatVersion").asInt(-1) != ExportFormat.VERSION) {
            errors.add("format: must be \"" + ExportFormat.FORMAT + "\" with formatVersion " + ExportFormat.VERSION);
        }
        RelayConfig relay = root.path("relayConfig").isObject() ? relay(root.get("relayConfig"), "relayConfig.")
                : missing("relayConfig", "the relay configuration document is required");
        List<StoredCrl> crls = crls(root.path("crls"), relay);
        BackendParts backend = new BackendParts(crlUrls(root.path("crlUrls")), tokens(root.path("tokens")),
                ignoreRules(root.path("ignoreRules")), eventScript(root.path("eventScript")));
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new Plan(relay, crls, backend);
    }

    private RelayConfig relay(JsonNode node, String prefix) {
        try {
            return ConfigLoader.parse(ExportFormat.MAPPER.writeValueAsBytes(node));
        } catch (ConfigException e) {
            e.errors().forEach(error -> errors.add(prefix + error));
        } catch (IOException e) {
            errors.add(prefix + "document: " + e.getMessage());
        }
        if (prefix.isEmpty()) {
            throw new ConfigException(errors);
        }
        return null;
    }

    private List<StoredCrl> crls(JsonNode node, RelayConfig relay) {
        List<StoredCrl> crls = new ArrayList<>();
        JsonNode array = array(node, "crls");
        for (int i = 0; i < array.size(); i++) {
            String path = "crls[" + i + "]";
            String source = text(array.get(i), "source", path, true);
            String pem = text(array.get(i), "crlPem", path, true);
            if (source == null || pem == null) {
                continue;
            }
            try {
                X509CRL crl = StoredCrl.parse(pem.getBytes(StandardCharsets.US_ASCII));
                if (relay != null && !CrlChecks.signedByAny(crl, relay.trust().caCertificates())) {
                    errors.add(path + ".crlPem: not signed by a CA in relayConfig.trust.caCertificatesPem");
                }
                crls.add(StoredCrl.of(source, crl));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".crlPem: " + e.getMessage());
            }
        }
        return crls;
    }

    private List<String> crlUrls(JsonNode node) {
        List<String> urls = new ArrayList<>();
        JsonNode array = array(node, "crlUrls");
        for (int i = 0; i < array.size(); i++) {
            String problem = array.get(i).isTextual() ? CrlUrls.check(array.get(i).asText()) : "must be a string";
            if (problem != null) {
                errors.add("crlUrls[" + i + "]: " + problem);
            } else if (!urls.contains(array.get(i).asText())) {
                urls.add(array.get(i).asText());
            }
        }
        return urls;
    }

    private List<TokenRecord> tokens(JsonNode node) {
        List<TokenRecord> tokens = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        JsonNode array = array(node, "tokens");
        for (int i = 0; i < array.size(); i++) {
            String path = "tokens[" + i + "]";
            String name = text(array.get(i), "name", path, true);
            String hash = text(array.get(i), "sha256", path, true);
            Instant created = time(array.get(i), "created", path, true);
            Instant revoked = time(array.get(i), "revoked", path, false);
            if (name != null && Tokens.checkName(name) != null) {
                errors.add(path + ".name: " + Tokens.checkName(name));
            } else if (name != null && !names.add(name)) {
                errors.add(path + ".name: \"" + name + "\" appears twice");
            }
            if (hash != null && !SHA256_HEX.matcher(hash).matches()) {
                errors.add(path + ".sha256: must be 64 lower-case hex digits");
            } else if (hash != null && !hashes.add(hash)) {
                errors.add(path + ".sha256: appears twice");
            }
            if (name != null && hash != null && created != null) {
                tokens.add(new TokenRecord(name, hash, created, revoked));
            }
        }
        return tokens;
    }

    private List<IgnoreRule> ignoreRules(JsonNode node) {
        List<IgnoreRule> rules = new ArrayList<>();
        JsonNode array = array(node, "ignoreRules");
        for (int i = 0; i < array.size(); i++) {
            String path = "ignoreRules[" + i + "]";
            String pattern = text(array.get(i), "pattern", path, true);
            String description = text(array.get(i), "description", path, true);
            Instant from = time(array.get(i), "validFrom", path, false);
            Instant until = time(array.get(i), "validUntil", path, false);
            if (pattern != null && description != null) {
                try {
                    rules.add(new IgnoreRule(0, pattern, description, from, until));
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": " + e.getMessage());
                }
            }
        }
        return rules;
    }

    private EventScriptSettings eventScript(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String path = text(node, "path", "eventScript", true);
        long timeout = node.path("timeoutMillis").asLong(EventScriptSettings.DEFAULT_TIMEOUT.toMillis());
        if (path == null) {
            return null;
        }
        if (timeout < 1) {
            errors.add("eventScript.timeoutMillis: must be positive");
            return null;
        }
        return new EventScriptSettings(Path.of(path), Duration.ofMillis(timeout));
    }

    private JsonNode array(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return ExportFormat.MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            errors.add(field + ": must be an array");
            return ExportFormat.MAPPER.createArrayNode();
        }
        return node;
    }

    private String text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(path + "." + field + ": is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            errors.add(path + "." + field + ": must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private Instant time(JsonNode node, String field, String path, boolean required) {
        String text = text(node, field, path, required);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(path + "." + field + ": not an ISO-8601 time like 2025-03-01T08:00:00Z");
            return null;
        }
    }

    private <T> T missing(String field, String why) {
        errors.add(field + ": " + why);
        return null;
    }
}
