package org.portcullis.relay.server.partner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.portcullis.config.PasswordHash;

/**
 * Checks SSID passwords (RFC 5024 §5.3.2) against the configured PBKDF2 hashes, and remembers the passwords that
 * matched, so a partner's next session costs one HMAC instead of the PBKDF2 hashing (a quarter of relay-server's
 * CPU per session set-up, measured). A password that does not match is always hashed in full: guessing stays as
 * slow as PBKDF2 makes it.
 *
 * <p>What is remembered, per configured hash, is the HMAC-SHA256 of the password under a random key made at start
 * and held only in memory, never the password. Reading it back needs both from this process's memory, where the
 * passwords of sessions being set up pass in clear anyway. Bounded at {@link #REMEMBERED} hashes, least recently
 * used out first; a changed password is a new hash. Thread-safe.
 */
public final class PasswordVerifier {
    /** The most configured hashes with a remembered password. */
    static final int REMEMBERED = 4096;
    private static final String HMAC = "HmacSHA256";

    private final Executor hashing;
    private final SecretKeySpec key;
    private final Map<String, byte[]> matched = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param hashing a small bounded executor for PBKDF2, which must not run on an event loop */
    public PasswordVerifier(Executor hashing) {
        this.hashing = hashing;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /**
     * Whether {@code password} matches {@code encodedHash}: at once when it matched before, else hashed on the
     * executor.
     *
     * @throws RejectedExecutionException when the executor's queue is full
     */
    public CompletableFuture<Boolean> verify(String encodedHash, String password) {
        byte[] tag = tag(password);
        byte[] known;
        synchronized (matched) {
            known = matched.get(encodedHash);
        }
        if (known != null && MessageDigest.isEqual(known, tag)) {
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.supplyAsync(() -> {
            boolean matches = PasswordHash.verify(encodedHash, password);
            if (matches) {
                synchronized (matched) {
                    matched.put(encodedHash, tag);
                }
            }
            return matches;
        }, hashing);
    }

    private byte[] tag(String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
