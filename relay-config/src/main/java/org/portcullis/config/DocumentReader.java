package org.portcullis.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.portcullis.proxy.host.HostAllowList;

/**
 * Turns the JSON tree of the document into the configuration records, recording every error under its path.
 * Defaults for absent fields are applied here, from the records' constants.
 */
final class DocumentReader {
    private static final int MAX_PORT = 65_535;
    private static final int MAX_REVISION_LENGTH = 200;
    private static final String ODETTE_ID_RULE =
            "must be 1-25 characters of the OFTP X set (A-Z 0-9 / - . & ( ), no spaces)";

    private final ErrorList errors;

    DocumentReader(ErrorList errors) {
        this.errors = errors;
    }

    /** The document's sections; lists keep a null where an entry had errors, so later checks keep its index. */
    record Sections(String revision, List<ListenerConfig> listeners, TlsIdentity serverIdentity, TrustConfig trust,
                    List<PartnerConfig> partners, InsideConfig inside, List<RouteConfig> routes,
                    OutgoingConfig outgoing, TimeoutConfig timeouts, LimitConfig limits) {
    }

    /** The sections read from the root, or null if the root is not an object of a version this relay reads. */
    Sections read(JsonNode root) {
        JsonFields document = JsonFields.of(root, "", errors);
        if (document == null) {
            return null;
        }
        Integer version = document.integer("schemaVersion", null, 0, Integer.MAX_VALUE);
        if (version != null && version != RelayConfig.SCHEMA_VERSION) {
            // Another version's fields mean other things: listing them as errors of version 1 would only mislead.
            document.error("schemaVersion", "is " + version + "; this relay reads version " + RelayConfig.SCHEMA_VERSION);
            return null;
        }
        Sections sections = new Sections(revision(document),
                each(document.objects("listeners", true), this::listener),
                identity(document.object("serverIdentity", true)),
                section(document, "trust", TrustConfig.empty(), this::trust),
                each(document.objects("partners", false), this::partner),
                inside(document.object("inside", true)),
                each(document.objects("routes", false), this::route),
                section(document, "outgoing", OutgoingConfig.defaults(), this::outgoing),
                section(document, "timeouts", TimeoutConfig.defaults(), this::timeouts),
                section(document, "limits", LimitConfig.defaults(), this::limits));
        document.finish();
        return sections;
    }

    /** An optional section: its default when absent, null (and an error) when present but not an object. */
    private static <T> T section(JsonFields document, String name, T defaultValue, Function<JsonFields, T> reader) {
        if (!document.has(name)) {
            return defaultValue;
        }
        JsonFields fields = document.object(name, false);
        return fields == null ? null : reader.apply(fields);
    }

    private String revision(JsonFields document) {
        String revision = document.string("revision", true);
        if (revision != null && (revision.isEmpty() || revision.length() > MAX_REVISION_LENGTH
                || revision.chars().anyMatch(Character::isISOControl))) {
            document.error("revision", "must be 1-" + MAX_REVISION_LENGTH + " characters without control characters");
            return null;
        }
        return revision;
    }

    private ListenerConfig listener(JsonFields fields) {
        String address = literal(fields, "address", "0.0.0.0");
        Integer port = fields.integer("port", ListenerConfig.DEFAULT_PORT, 0, MAX_PORT);
        return build(fields, () -> new ListenerConfig(address, port));
    }

    private TlsIdentity identity(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        String chain = fields.string("certificateChainPem", true);
        String key = fields.string("privateKeyPem", true);
        return build(fields, () -> new TlsIdentity(chain, key));
    }

    private TrustConfig trust(JsonFields fields) {
        List<String> cas = fields.strings("caCertificatesPem");
        List<String> crls = fields.strings("crlsPem");
        return build(fields, () -> new TrustConfig(cas, crls));
    }

    private PartnerConfig partner(JsonFields fields) {
        String odetteId = fields.string("odetteId", true);
        if (odetteId != null && !PartnerConfig.isOdetteId(odetteId)) {
            fields.error("odetteId", ODETTE_ID_RULE + ", not \"" + odetteId + "\"");
        }
        String hash = fields.string("passwordHash", true);
        String hashProblem = hash == null ? null : PasswordHash.check(hash);
        if (hashProblem != null) {
            fields.error("passwordHash", hashProblem);
        }
        List<String> pins = fields.strings("certificatePins");
        checkEach(fields, "certificatePins", pins, CertificatePin::parse);
        List<String> networks = fields.strings("allowedNetworks");
        checkEach(fields, "allowedNetworks", networks, NetworkRange::parse);
        ClientCertificatePolicy policy = fields.choice("clientCertificate", ClientCertificatePolicy.class,
                ClientCertificatePolicy.REQUIRED);
        return build(fields, () -> new PartnerConfig(odetteId, hash, pins, networks, policy));
    }

    private InsideConfig inside(JsonFields fields) {
        if (fields == null) {
            return null;
        }
        String host = host(fields, "host", true);
        Integer port = fields.integer("port", InsideConfig.DEFAULT_PORT, 1, MAX_PORT);
        Duration timeout = fields.duration("connectTimeout", InsideConfig.DEFAULT_CONNECT_TIMEOUT);
        return build(fields, () -> new InsideConfig(host, port, timeout));
    }

    private RouteConfig route(JsonFields fields) {
        String name = fields.string("name", true);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}")) {
            fields.error("name", "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        String listenAddress = literal(fields, "listenAddress", RouteConfig.DEFAULT_LISTEN_ADDRESS);
        Integer listenPort = fields.integer("listenPort", RouteConfig.DEFAULT_LISTEN_PORT, 0, MAX_PORT);
        String partnerOdetteId = fields.string("partnerOdetteId", true);
        if (partnerOdetteId != null && !PartnerConfig.isOdetteId(partnerOdetteId)) {
            fields.error("partnerOdetteId", ODETTE_ID_RULE + ", not \"" + partnerOdetteId + "\"");
        }
        String partnerHost = host(fields, "partnerHost", true);
        Integer partnerPort = fields.integer("partnerPort", ListenerConfig.DEFAULT_PORT, 1, MAX_PORT);
        String proxy = fields.string("egressProxy", false);
        if (proxy != null) {
            try {
                Addresses.parseHttpProxy(proxy);
            } catch (IllegalArgumentException e) {
                fields.error("egressProxy", e.getMessage());
            }
        }
        return build(fields, () -> new RouteConfig(name, listenAddress, listenPort,
                partnerOdetteId, partnerHost, partnerPort, proxy));
    }

    private OutgoingConfig outgoing(JsonFields fields) {
        String source = fields.string("sourceAddress", false);
        if (source != null && !Addresses.isLiteral(source)) {
            fields.error("sourceAddress", "must be an IP address of relay-server, not \"" + source + "\"");
        }
        JsonFields identityFields = fields.object("clientIdentity", false);
        TlsIdentity identity = identity(identityFields);
        List<String> allowedHosts = fields.strings("allowedHosts");
        for (int i = 0; i < allowedHosts.size(); i++) {
            if (allowedHosts.get(i) != null) {
                for (String problem : HostAllowList.problems(List.of(allowedHosts.get(i)))) {
                    fields.error("allowedHosts[" + i + "]", problem);
                }
            }
        }
        return build(fields, () -> new OutgoingConfig(source, identity, allowedHosts));
    }

    private TimeoutConfig timeouts(JsonFields fields) {
        Duration handshake = fields.duration("tlsHandshake", TimeoutConfig.DEFAULT_TLS_HANDSHAKE);
        Duration ssid = fields.duration("ssid", TimeoutConfig.DEFAULT_SSID);
        Duration idle = fields.duration("idle", TimeoutConfig.DEFAULT_IDLE);
        return build(fields, () -> new TimeoutConfig(handshake, ssid, idle));
    }

    private LimitConfig limits(JsonFields fields) {
        Integer sessions = fields.integer("maxSessions", LimitConfig.DEFAULT_MAX_SESSIONS, 1, 1_000_000);
        Integer rate = fields.integer("connectionsPerSourcePerMinute",
                LimitConfig.DEFAULT_CONNECTIONS_PER_SOURCE_PER_MINUTE, 1, 1_000_000);
        Integer pendingPerSource = fields.integer("pendingPerSource", LimitConfig.DEFAULT_PENDING_PER_SOURCE, 1,
                1_000_000);
        Integer pendingTotal = fields.integer("pendingTotal", LimitConfig.DEFAULT_PENDING_TOTAL, 1, 1_000_000);
        return build(fields, () -> new LimitConfig(sessions, rate, pendingPerSource, pendingTotal));
    }

    private String literal(JsonFields fields, String name, String defaultValue) {
        String text = fields.string(name, false);
        if (text == null) {
            return defaultValue;
        }
        if (!Addresses.isLiteral(text)) {
            fields.error(name, "must be an IP address like \"0.0.0.0\", \"::\" or \"[::1]\", not \"" + text + "\"");
        }
        return text;
    }

    private static String host(JsonFields fields, String name, boolean required) {
        String text = fields.string(name, required);
        if (text != null && !Addresses.isHost(text)) {
            fields.error(name, "must be a host name or an IP address, not \"" + text + "\"");
        }
        return text;
    }

    private static void checkEach(JsonFields fields, String name, List<String> texts, Function<String, ?> parser) {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) != null) {
                try {
                    parser.apply(texts.get(i));
                } catch (IllegalArgumentException e) {
                    fields.error(name + "[" + i + "]", e.getMessage());
                }
            }
        }
    }

    private <T> List<T> each(List<JsonFields> entries, Function<JsonFields, T> reader) {
        List<T> values = new ArrayList<>();
        for (JsonFields entry : entries) {
            values.add(entry == null ? null : reader.apply(entry));
        }
        return values;
    }

    /**
     * Builds a record once its object read without error (unknown fields included), or returns null. The
     * record's own checks are a second line of defence and report under the object's path.
     */
    private <T> T build(JsonFields fields, Supplier<T> factory) {
        fields.finish();
        if (fields.hasErrors()) {
            return null;
        }
        try {
            return factory.get();
        } catch (ConfigException e) {
            errors.addAll(fields.path(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(fields.path(), Objects.toString(e.getMessage(), "is invalid"));
        }
        return null;
    }
}
