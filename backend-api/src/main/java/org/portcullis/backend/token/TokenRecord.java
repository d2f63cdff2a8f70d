package org.portcullis.backend.token;

import java.time.Instant;

/**
 * A relay token as stored: its name (one per relay client), the hash of its text, when it was created and, if
 * it was, revoked.
 *
 * @param name the operator's name for the relay client that holds it
 * @param hash hex SHA-256 of the token's text
 * @param created when it was created
 * @param revoked when it was revoked, or null while it is valid
 */
public record TokenRecord(String name, String hash, Instant created, Instant revoked) {
    /** True once revoked. */
    public boolean isRevoked() {
        return revoked != null;
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "TokenRecord[name=" + name + ", created=" + created + ", revoked=" + revoked + "]";
    }
}
