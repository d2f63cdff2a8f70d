package org.portcullis.backend.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.portcullis.backend.BackendException;

class KeySealerTest {
    private static final String KEY_PEM = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
            + "-----END PRIVATE KEY-----\n";

    private final KeySealer sealer = new KeySealer(MasterKey.of(random(32)));

    @Test
    void sealedKeyOpensForItsPurposeOnly() {
        String sealed = sealer.seal(KEY_PEM, "identity:server");

        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("PRIVATE KEY"));
        assertEquals(KEY_PEM, sealer.open(sealed, "identity:server"));
        assertThrows(BackendException.class, () -> sealer.open(sealed, "identity:outgoing"));
    }

    @Test
    void eachSealUsesAFreshNonce() {
        assertNotEquals(sealer.seal(KEY_PEM, "p"), sealer.seal(KEY_PEM, "p"));
    }

    @Test
    void anotherMasterKeyOrAlteredTextDoesNotOpen() {
        String sealed = sealer.seal(KEY_PEM, "p");
        KeySealer other = new KeySealer(MasterKey.of(random(32)));
        char[] altered = sealed.toCharArray();
        altered[10] = altered[10] == 'A' ? 'B' : 'A';

        BackendException wrongKey = assertThrows(BackendException.class, () -> other.open(sealed, "p"));
        assertThrows(BackendException.class, () -> sealer.open(new String(altered), "p"));
        assertThrows(BackendException.class, () -> sealer.open("v1:AAAA", "p"));
        assertThrows(BackendException.class, () -> sealer.open("plain text", "p"));
        assertFalse(wrongKey.getMessage().contains(KEY_PEM));
    }

    @Test
    void derivedSecretsDependOnKeyAndLabel() {
        assertEquals(sealer.derive("a"), sealer.derive("a"));
        assertNotEquals(sealer.derive("a"), sealer.derive("b"));
        assertNotEquals(sealer.derive("a"), new KeySealer(MasterKey.of(random(32))).derive("a"));
    }

    private static byte[] random(int octets) {
        byte[] bytes = new byte[octets];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
