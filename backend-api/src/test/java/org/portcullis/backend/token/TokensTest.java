package org.portcullis.backend.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void tokensAre256RandomBitsInUrlSafeBase64() {
        String token = Tokens.generate();

        assertEquals(Tokens.LENGTH, token.length());
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertTrue(Tokens.wellFormed(token));
        assertNotEquals(token, Tokens.generate());
    }

    @Test
    void onlyTheHashIsKeptAndItIsStable() {
        String token = Tokens.generate();

        assertEquals(64, Tokens.hash(token).length());
        assertEquals(Tokens.hash(token), Tokens.hash(token));
        assertFalse(Tokens.hash(token).contains(token));
    }

    @Test
    void malformedTokensAndNamesAreRecognised() {
        assertFalse(Tokens.wellFormed(null));
        assertFalse(Tokens.wellFormed("short"));
        assertFalse(Tokens.wellFormed(Tokens.generate() + "x"));
        assertFalse(Tokens.wellFormed(Tokens.generate().substring(1) + "="));
        assertNull(Tokens.checkName("relay-dmz.1_a"));
        assertTrue(Tokens.checkName("-relay") != null);
        assertTrue(Tokens.checkName("relay one") != null);
    }
}
