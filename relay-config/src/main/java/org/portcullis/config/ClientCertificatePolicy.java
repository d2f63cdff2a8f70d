package org.portcullis.config;

/**
 * Whether a partner must present a TLS client certificate (RFC 5024 section 2.3); any certificate presented
 * must chain to the trusted CAs, pass the CRLs and match the partner's pins.
 */
public enum ClientCertificatePolicy {
    /** The partner must present a certificate (the default). */
    REQUIRED,
    /** The partner may present a certificate; if it does, it is checked like a required one. */
    OPTIONAL,
    /** The partner authenticates by Odette ID and password only; a presented certificate is still checked. */
    NONE
}
