package org.portcullis.backend.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import org.portcullis.backend.BackendException;

/**
 * Seals private keys (their PEM text) for the database with AES-256-GCM under the {@link MasterKey}: a fresh
 * 12-octet nonce per seal, a 128-bit tag, and the key's purpose ("identity:server") as associated data, so a
 * sealed key copied into another row does not open. Sealed text is "v1:" and base64 of nonce and ciphertext.
 */
public final class KeySealer {
    private static final String VERSION = "v1:";
    private static final int NONCE_OCTETS = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    public KeySealer(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** Seals the text for the given purpose. */
    public String seal(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_OCTETS];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 platform has AES/GCM", e);
        }
    }

    /**
     * Opens sealed text of the given purpose.
     *
     * @throws BackendException if it does not open: another master key, another purpose, or altered text
     */
    public String open(String sealed, String purpose) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new BackendException("the sealed " + purpose + " key is not in a known format");
        }
        try {
            byte[] octets = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (octets.length <= NONCE_OCTETS) {
                throw new BackendException("the sealed " + purpose + " key is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey.secretKey(),
                    new GCMParameterSpec(TAG_BITS, octets, 0, NONCE_OCTETS));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(octets, NONCE_OCTETS, octets.length - NONCE_OCTETS);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BackendException("the sealed " + purpose + " key is not base64", e);
        } catch (GeneralSecurityException e) {
            throw new BackendException("the sealed " + purpose + " key does not open with this master key"
                    + " (another master key, or the database was altered)", e);
        }
    }

    /**
     * A secret derived from the master key for another use (HMAC-SHA-256 over the label), base64: the
     * password of the embedded database, so whoever holds the master key, and nobody else, can open it.
     */
    public String derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(masterKey.secretKey());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
