package org.portcullis.backend.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The configuration document as served: its JSON octets, its strong entity tag (the quoted, URL-safe base64
 * SHA-256 of the octets) and its revision. The octets are shared, never changed.
 *
 * @param json the document
 * @param etag the entity tag, quotes included
 * @param revision the revision written in the document
 */
public record PublishedDocument(byte[] json, String etag, long revision) {
    /** A document for the octets, its entity tag computed. */
    public static PublishedDocument of(byte[] json, long revision) {
        return new PublishedDocument(json, "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(json))
                + "\"", revision);
    }

    /** The SHA-256 of the octets. */
    public static byte[] sha256(byte[] octets) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(octets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "PublishedDocument[revision=" + revision + ", etag=" + etag + ", " + json.length + " octets]";
    }
}
