package org.portcullis.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Encodes DER structures as PEM text blocks (RFC 7468), the form Netty's SslContextBuilder reads. */
final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** One PEM block with the given label, e.g. "CERTIFICATE" or "PRIVATE KEY" (PKCS#8). */
    static String block(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
