package org.portcullis.backend.store;

/** The scalar settings kept in the {@code settings} table, each under its key. */
public enum Setting {
    /** InsideConfig.host. */
    INSIDE_HOST("inside.host"),
    /** InsideConfig.port. */
    INSIDE_PORT("inside.port"),
    /** InsideConfig.connectTimeout, milliseconds. */
    INSIDE_CONNECT_TIMEOUT("inside.connectTimeoutMillis"),
    /** OutgoingConfig.sourceAddress. */
    OUTGOING_SOURCE_ADDRESS("outgoing.sourceAddress"),
    /** OutgoingConfig.allowedHosts, comma-separated (no entry holds a comma); absent: each route's own host. */
    OUTGOING_ALLOWED_HOSTS("outgoing.allowedHosts"),
    /** TimeoutConfig.tlsHandshake, milliseconds. */
    TIMEOUT_TLS_HANDSHAKE("timeouts.tlsHandshakeMillis"),
    /** TimeoutConfig.ssid, milliseconds. */
    TIMEOUT_SSID("timeouts.ssidMillis"),
    /** TimeoutConfig.idle, milliseconds. */
    TIMEOUT_IDLE("timeouts.idleMillis"),
    /** LimitConfig.maxSessions. */
    LIMIT_MAX_SESSIONS("limits.maxSessions"),
    /** LimitConfig.connectionsPerSourcePerMinute. */
    LIMIT_CONNECTIONS_PER_MINUTE("limits.connectionsPerSourcePerMinute"),
    /** The event script's path. */
    EVENT_SCRIPT_PATH("eventScript.path"),
    /** How long the event script may run, milliseconds. */
    EVENT_SCRIPT_TIMEOUT("eventScript.timeoutMillis"),
    /** The revision of the last document served, a counter. */
    DOCUMENT_REVISION("document.revision"),
    /** The SHA-256 of the last document served, written with the pending revision "0". */
    DOCUMENT_DIGEST("document.sha256");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** The key in the table. */
    public String key() {
        return key;
    }

    /** True for the settings that are part of the relay configuration document (not the script, not the revision). */
    public boolean relayConfig() {
        return key.startsWith("inside.") || key.startsWith("outgoing.") || key.startsWith("timeouts.")
                || key.startsWith("limits.");
    }
}
