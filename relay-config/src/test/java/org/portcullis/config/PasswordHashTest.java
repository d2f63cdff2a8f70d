package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final String HASH = PasswordHash.create("SECRET1".toCharArray());

    @Test
    void verifiesTheRightPasswordOnly() {
        assertTrue(PasswordHash.verify(HASH, "SECRET1"));
        assertFalse(PasswordHash.verify(HASH, "SECRET2"));
        assertFalse(PasswordHash.verify(HASH, "secret1"));
        assertFalse(PasswordHash.verify(HASH, "SECRET1 "));
        assertFalse(PasswordHash.verify(HASH, ""));
    }

    @Test
    void hasTheDocumentedFormat() {
        String[] parts = HASH.split("\\$");

        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHash.ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertNull(PasswordHash.check(HASH));
    }

    @Test
    void saltsEveryHash() {
        String again = PasswordHash.create("SECRET1".toCharArray());

        assertNotEquals(HASH, again);
        assertTrue(PasswordHash.verify(again, "SECRET1"));
    }

    @Test
    void verifiesHashesOfOtherIterationCounts() {
        String[] parts = HASH.split("\\$");
        String tampered = parts[0] + "$20000$" + parts[2] + "$" + parts[3];

        assertNull(PasswordHash.check(tampered));
        assertFalse(PasswordHash.verify(tampered, "SECRET1"));
    }

    @Test
    void verifiesNothingAgainstAMalformedHash() {
        assertFalse(PasswordHash.verify("SECRET1", "SECRET1"));
        assertFalse(PasswordHash.verify(null, "SECRET1"));
        assertFalse(PasswordHash.verify("pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA", "SECRET1"));
    }

    @Test
    void explainsWhatIsWrongWithAHash() {
        String salt = "AAAAAAAAAAAAAAAAAAAAAA==";
        String hash = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

        assertEquals("must be of the form pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>",
                PasswordHash.check("md5$x"));
        assertEquals("iterations must be 1000-10000000, not 999", PasswordHash.check("pbkdf2-sha256$999$" + salt + "$" + hash));
        assertEquals("the salt must be at least 16 octets", PasswordHash.check("pbkdf2-sha256$10000$AAAA$" + hash));
        assertEquals("the hash must be 32 octets", PasswordHash.check("pbkdf2-sha256$10000$" + salt + "$AAAA"));
        assertEquals("the salt or hash is not valid base64", PasswordHash.check("pbkdf2-sha256$10000$A$" + hash));
        assertEquals("must be of the form pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>",
                PasswordHash.check(null));
    }
}
