package org.portcullis.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Remembers the secrets a test class used (tokens, partner passwords, private keys, the master key) and, after the
 * class, reads the log file every test JVM writes (log4j2-test.xml: target/test-logs/backend-api.log, DEBUG for
 * the backend's code) and fails if any of them appears in it.
 */
public final class LogHygiene implements AfterAllCallback {
    /** Where log4j2-test.xml writes. */
    public static final Path LOG_FILE = Path.of("target", "test-logs", "backend-api.log");

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Remembers a secret and returns it. */
    public String remember(String secret) {
        secrets.add(secret);
        return secret;
    }

    /** Remembers a private key: its whole base64 encoding and a 32-character piece from its middle. */
    public void remember(PrivateKey key) {
        String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
        secrets.add(base64);
        secrets.add(base64.substring(base64.length() / 2, base64.length() / 2 + 32));
    }

    /** Remembers a key given as octets (the master key). */
    public void remember(byte[] key) {
        secrets.add(Base64.getEncoder().encodeToString(key));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        check(context.getDisplayName());
    }

    /** Fails if the log file holds any secret remembered, or holds no log lines at all. */
    public void check(String whose) throws IOException {
        String log = Files.readString(LOG_FILE, StandardCharsets.UTF_8);
        assertTrue(log.contains("INFO"), "the test log " + LOG_FILE + " holds the run's log lines");
        assertFalse(secrets.isEmpty(), "the class used secrets to look for");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret of " + whose + " is in " + LOG_FILE);
        }
    }
}
