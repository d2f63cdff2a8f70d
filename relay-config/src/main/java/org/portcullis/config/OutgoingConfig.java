package org.portcullis.config;

/**
 * How relay-server originates outgoing sessions to partners.
 *
 * @param sourceAddress the local IP literal outgoing connections are made from, or null for any local address;
 *                      relay-server refuses to use an address that is not one of its own
 * @param clientIdentity the TLS client certificate and key presented to partners, or null to present the
 *                       server identity
 */
public record OutgoingConfig(String sourceAddress, TlsIdentity clientIdentity) {
    /** Normalises the source address. */
    public OutgoingConfig {
        sourceAddress = sourceAddress == null ? null : Addresses.normaliseLiteral(sourceAddress);
    }

    /** Nothing configured: any local address, the server identity. */
    public static OutgoingConfig defaults() {
        return new OutgoingConfig(null, null);
    }

    /** The identity to present: the client identity if configured, otherwise the given server identity. */
    public TlsIdentity identityOr(TlsIdentity serverIdentity) {
        return clientIdentity != null ? clientIdentity : serverIdentity;
    }
}
