package org.portcullis.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads, validates and writes the configuration document ({@link RelayConfig}). A document over
 * {@value #MAX_DOCUMENT_BYTES} octets is refused before parsing; unknown fields are errors; the whole document
 * is validated and every error listed in one {@link ConfigException}. Warnings (a CRL past its nextUpdate, a
 * certificate about to expire) are logged, not refused.
 */
public final class ConfigLoader {
    /** The largest document accepted: 4 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LogManager.getLogger();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigLoader() {
    }

    /** Parses and validates a document; throws ConfigException listing every error. */
    public static RelayConfig parse(byte[] json) {
        List<String> warnings = new ArrayList<>();
        RelayConfig config = parse(json, Instant.now(), warnings);
        warnings.forEach(warning -> LOG.warn("Configuration {}: {}", config.revision(), warning));
        return config;
    }

    /** Reads, parses and validates a document file; throws ConfigException listing every error. */
    public static RelayConfig read(Path file) {
        return parse(readBounded(file));
    }

    /** The document as indented JSON that {@link #parse} reads back to an equal configuration. */
    public static byte[] toJson(RelayConfig config) {
        return DocumentWriter.write(config);
    }

    /**
     * Checks a configuration built in code exactly as a received document is checked (its JSON form is
     * parsed), and returns it; throws ConfigException listing every error.
     */
    public static RelayConfig validate(RelayConfig config) {
        return parse(toJson(config));
    }

    /**
     * What is worth an operator's attention in a valid configuration at the given time: CRLs past their
     * nextUpdate, certificates expired or expiring within 14 days, expired CAs. For a running relay to check
     * now and then what time does to the configuration it loaded.
     */
    public static List<String> warnings(RelayConfig config, Instant now) {
        List<String> warnings = new ArrayList<>();
        ErrorList errors = new ErrorList();
        new DocumentChecks(errors, warnings, now).check(new DocumentReader.Sections(config.revision(),
                config.listeners(), config.serverIdentity(), config.trust(), config.partners(), config.inside(),
                config.routes(), config.outgoing(), config.timeouts(), config.limits()));
        // The configuration was valid when loaded: what fails now is what time changed (an expired certificate).
        warnings.addAll(errors.list());
        return warnings;
    }

    /** Parses and validates at the given time, adding warnings to the list. */
    static RelayConfig parse(byte[] json, Instant now, List<String> warnings) {
        if (json.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge(json.length);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ConfigException(syntaxError(e));
        } catch (IOException e) {
            throw new ConfigException("document: cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigException("document: is empty");
        }
        ErrorList errors = new ErrorList();
        DocumentReader.Sections sections = new DocumentReader(errors).read(root);
        if (sections == null) {
            errors.throwIfAny();
        }
        new DocumentChecks(errors, warnings, now).check(sections);
        errors.throwIfAny();
        return new RelayConfig(RelayConfig.SCHEMA_VERSION, sections.revision(), sections.listeners(),
                sections.serverIdentity(), sections.trust(), sections.partners(), sections.inside(),
                sections.routes(), sections.outgoing(), sections.timeouts(), sections.limits());
    }

    /**
     * Reads a document file, refusing it without reading it whole when it is over the limit.
     *
     * @throws ConfigException when it is over the limit or cannot be read
     */
    public static byte[] readBounded(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw tooLarge(Files.size(file));
            }
            return bytes;
        } catch (IOException e) {
            throw new ConfigException("document: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ConfigException tooLarge(long size) {
        return new ConfigException("document: " + size + " octets exceed the limit of " + MAX_DOCUMENT_BYTES
                + " (4 MiB); not parsed");
    }

    private static String syntaxError(JacksonException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? "document"
                : "document (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return where + ": is not valid JSON: " + e.getOriginalMessage();
    }
}
