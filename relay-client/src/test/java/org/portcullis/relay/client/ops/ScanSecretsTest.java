package org.portcullis.relay.client.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/scan-secrets finds each kind of secret of a demo run in what the daemons wrote, and names the file and the
 * kind, never the secret. The demo's own folder is scanned in CI after {@code ops/demo} (.ci/run).
 */
class ScanSecretsTest {
    private static final String TOKEN = "demo-token-" + Long.toHexString(new Random().nextLong());
    private static final String SECRET = "control-" + Long.toHexString(new Random().nextLong());

    @TempDir
    Path work;

    private String keyLine;
    private String signature;

    @BeforeEach
    void demoFolder() throws IOException {
        Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(work.resolve("run"));
        Files.createDirectories(work.resolve("pki"));
        Files.createDirectories(work.resolve("license"));
        Files.writeString(work.resolve("backend.token"), TOKEN + "\n");
        Files.writeString(work.resolve("control.secret"), SECRET + "\n");
        byte[] key = new byte[96];
        new Random().nextBytes(key);
        keyLine = Base64.getEncoder().encodeToString(key).substring(0, 64);
        Files.writeString(work.resolve("pki/server.key.pem"), "-----BEGIN PRIVATE KEY-----\n" + keyLine
                + "\n-----END PRIVATE KEY-----\n");
        signature = Base64.getEncoder().encodeToString(key);
        Files.writeString(work.resolve("license/license.txt"), "licensee: demo\nsignature: " + signature + "\n");
        Files.writeString(work.resolve("logs/relay-server.log"), "INFO relay-server started\n");
        Files.writeString(work.resolve("run/relay-server.pid"), "4242\n");
    }

    @Test
    void passesAFolderWithoutSecrets() throws Exception {
        Scripts.Result scan = Scripts.run(Scripts.ops("scan-secrets", work.toString()));
        assertEquals(0, scan.exitCode(), scan.output());
        assertTrue(scan.output().contains("none of"), scan.output());
    }

    @Test
    void findsEachKindOfSecretAndNamesItsFileButNotTheSecret() throws Exception {
        log("relay-server.log", "token " + TOKEN);
        log("audit-2026-01-01.json", "{\"x\":\"" + SECRET + "\"}");
        log("relay-client.log", "-----BEGIN PRIVATE KEY-----");
        log("backend-api.log", keyLine);
        log("license.log", signature);
        log("partner.log", "password PARTNER1");

        Scripts.Result scan = Scripts.run(Scripts.ops("scan-secrets", work.toString()));

        assertEquals(1, scan.exitCode(), scan.output());
        for (String found : new String[] {"backend token in", "control secret in", "a PEM private key in",
                "private key server.key.pem in", "license signature in", "partner_password in"}) {
            assertTrue(scan.output().contains(found), () -> found + ": " + scan.output());
        }
        assertFalse(scan.output().contains(TOKEN) || scan.output().contains(SECRET), scan.output());
    }

    private void log(String name, String line) throws IOException {
        Files.writeString(work.resolve("logs").resolve(name), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
