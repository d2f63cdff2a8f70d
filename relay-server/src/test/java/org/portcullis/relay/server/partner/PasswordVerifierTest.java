package org.portcullis.relay.server.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.portcullis.config.PasswordHash;

class PasswordVerifierTest {
    private static final String HASH = PasswordHash.create("SECRET".toCharArray());

    private final AtomicInteger hashed = new AtomicInteger();
    private final Executor counting = task -> {
        hashed.incrementAndGet();
        task.run();
    };
    private final PasswordVerifier verifier = new PasswordVerifier(counting);

    @Test
    void hashesAPasswordOnceItMatched() {
        assertTrue(verifier.verify(HASH, "SECRET").join());
        assertTrue(verifier.verify(HASH, "SECRET").join());
        assertEquals(1, hashed.get(), "the second check of the same password needs no PBKDF2");
    }

    @Test
    void hashesEveryPasswordThatDoesNotMatch() {
        assertTrue(verifier.verify(HASH, "SECRET").join());
        assertFalse(verifier.verify(HASH, "SECRET2").join());
        assertFalse(verifier.verify(HASH, "SECRET2").join());
        assertEquals(3, hashed.get(), "a wrong password is hashed in full each time");
    }

    @Test
    void remembersPerConfiguredHash() {
        String changed = PasswordHash.create("OTHER".toCharArray());
        assertTrue(verifier.verify(HASH, "SECRET").join());
        assertFalse(verifier.verify(changed, "SECRET").join(), "the old password against the new hash");
        assertTrue(verifier.verify(changed, "OTHER").join());
        assertEquals(3, hashed.get());
    }
}
