package org.portcullis.backend.store;

import java.util.Locale;

/** Which TLS identity of relay-server: the one it presents to partners, or the one it dials out with. */
public enum IdentityPurpose {
    /** RelayConfig.serverIdentity: presented to partners on the public listeners. */
    SERVER,
    /** OutgoingConfig.clientIdentity: presented to partners on outgoing sessions (the server's if absent). */
    OUTGOING;

    /** The lower-case name used in the table, the CLI and as the sealing purpose. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
