package org.portcullis.backend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.backend.BackendApiMain;
import org.portcullis.backend.LogHygiene;
import org.portcullis.backend.store.PartnerTable;
import org.portcullis.backend.store.Store;
import org.portcullis.backend.store.StoreSettings;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/** The admin commands through picocli, on a data folder of their own (no service running). */
class AdminCommandsTest {
    @RegisterExtension
    @Order(1)
    static final TestPki PKI = TestPki.create();

    @RegisterExtension
    @Order(2)
    static final LogHygiene HYGIENE = new LogHygiene();

    @TempDir
    Path data;

    @TempDir
    Path files;

    /** What a command did. */
    private record Result(int code, String out, String err) {
    }

    @Test
    void partnerLifecycleWithPasswordsFromStandardInputOnly() {
        assertEquals(0, run("Secret12\n", "partner", "add", "O0013PARTNER", "--network", "192.0.2.0/24").code());
        Result show = run("", "partner", "show", "O0013PARTNER");
        assertTrue(show.out().contains("192.0.2.0/24"), show.out());
        assertTrue(show.out().contains("pbkdf2-sha256, 10000 iterations"), show.out());
        assertFalse(show.out().contains("Secret12"));

        assertEquals(0, run("", "partner", "update", "O0013PARTNER", "--any-network", "--client-certificate",
                "OPTIONAL").code());
        assertEquals(0, run("", "partner", "set-password", "O0013PARTNER", "--password-file",
                write("pw.txt", HYGIENE.remember("NewPass1") + "\n").toString()).code());
        PartnerConfig partner = partner("O0013PARTNER");
        assertTrue(partner.allowedNetworks().isEmpty());
        assertEquals("OPTIONAL", partner.clientCertificate().name());
        assertTrue(PasswordHash.verify(partner.passwordHash(), "NewPass1"));

        Identity certificate = PKI.client("O0013PARTNER");
        PemFiles pem = PKI.write(certificate, "partner-cert");
        Result pinned = run("", "partner", "pin-cert", "O0013PARTNER", pem.certificateChain().toString());
        assertEquals(0, pinned.code(), pinned.err());
        assertEquals(List.of(CertificatePin.of(certificate.certificate()).toString()),
                partner("O0013PARTNER").certificatePins());
        assertTrue(run("", "partner", "list").out().contains("O0013PARTNER"));
        assertEquals(0, run("", "partner", "remove", "O0013PARTNER").code());
        assertEquals(1, run("", "partner", "show", "O0013PARTNER").code());
    }

    @Test
    void badPartnerInputIsExitTwoWithOneLine() {
        assertOneLine(2, run("Secret12\n", "partner", "add", "o0013 lower"), "is not an Odette ID");
        assertOneLine(2, run("Secret12\n", "partner", "add", "O0013X", "--network", "192.0.2.7/24"), "host bits");
        assertOneLine(2, run("far too long a password\n", "partner", "add", "O0013X"), "longer than the 8");
        assertOneLine(2, run("", "partner", "add", "O0013X"), "the password is empty");
        assertEquals(2, run("", "partner", "add", "O0013X", "--password", "Secret12").code(),
                "there is no option that takes a password as an argument");
        assertEquals(0, run("Secret12\n", "partner", "add", "O0013X").code());
        assertOneLine(1, run("Secret12\n", "partner", "add", "O0013X"), "exists");
        assertOneLine(1, run("", "partner", "remove", "O0013Y"), "no partner O0013Y");
    }

    @Test
    void identitiesAreImportedFromPemOrPkcs12AndTheKeyIsSealedAtRest() throws Exception {
        Identity server = PKI.server();
        HYGIENE.remember(server.privateKey());
        PemFiles pem = PKI.write(server, "relay-server");
        Result imported = run("", "identity", "import", "server", "--cert", pem.certificateChain().toString(), "--key",
                pem.privateKey().toString());
        assertEquals(0, imported.code(), imported.err());

        Identity outgoing = PKI.client("O0013COMPANY");
        HYGIENE.remember(outgoing.privateKey());
        Path p12 = pkcs12(outgoing, "p12-pass".toCharArray());
        Result fromP12 = run("", "identity", "import", "outgoing", "--pkcs12", p12.toString(), "--pkcs12-password-file",
                write("p12.txt", HYGIENE.remember("p12-pass") + "\n").toString());
        assertEquals(0, fromP12.code(), fromP12.err());

        String shown = run("", "identity", "show").out();
        assertTrue(shown.contains("server: CN=localhost"), shown);
        assertTrue(shown.contains("outgoing: CN=O0013COMPANY"), shown);
        assertFalse(shown.contains("PRIVATE KEY"));
        run("", "token", "list");
        String keyBase64 = Base64.getEncoder().encodeToString(server.privateKey().getEncoded());
        byte[] database = Files.readAllBytes(data.resolve("backend.mv.db"));
        assertFalse(new String(database, StandardCharsets.ISO_8859_1).contains(keyBase64.substring(20, 60)),
                "the database file holds the key sealed only");

        PemFiles other = PKI.write(PKI.server(), "other");
        assertOneLine(1, run("", "identity", "import", "server", "--cert", pem.certificateChain().toString(), "--key",
                other.privateKey().toString()), "does not belong");
        assertOneLine(1, run("Wr0ng-p12-pass-4417\n", "identity", "import", "outgoing", "--pkcs12", p12.toString()), "PKCS#12");
        assertOneLine(2, run("", "identity", "remove", "client"), "server");
    }

    @Test
    void routesListenersInsideOutgoingAndLimits() {
        assertOneLine(2, run("", "route", "add", "r1", "--partner", "O0013P"), "--partner and --host");
        assertEquals(0, run("", "route", "add", "r1", "--partner", "O0013P", "--host", "oftp.example",
                "--egress-proxy", "http://proxy.example:3128").code());
        assertEquals(0, run("", "route", "update", "r1", "--port", "6620", "--no-egress-proxy").code());
        assertEquals("r1: 127.0.0.1:65433 -> O0013P at oftp.example:6620", run("", "route", "list").out().strip());
        assertOneLine(2, run("", "route", "update", "r1", "--egress-proxy", "socks://x:1"), "http://host:port");

        assertEquals(0, run("", "listener", "add", "[::]:6619").code());
        assertOneLine(1, run("", "listener", "add", "[::]:6619"), "exists");
        assertOneLine(2, run("", "listener", "add", "host.example:6619"), "IP literal");
        assertEquals("[::]:6619", run("", "listener", "list").out().strip());

        assertEquals(0, run("", "inside", "set", "oftp.inside:3305", "--connect-timeout", "5s").code());
        assertTrue(run("", "inside", "show").out().contains("oftp.inside:3305 (connect timeout 5s)"));
        assertEquals(0, run("", "outgoing", "source", "192.0.2.10").code());
        assertOneLine(2, run("", "outgoing", "source", "not-an-ip"), "not an IP address");

        Result limits = run("", "limits", "set", "--idle", "10m", "--max-sessions", "50");
        assertTrue(limits.out().contains("idle:                          10m"), limits.out());
        assertTrue(limits.out().contains("maxSessions:                   50"), limits.out());
        assertOneLine(2, run("", "limits", "set", "--max-sessions", "0"), "at least 1");
        assertEquals(2, run("", "limits", "set", "--idle", "soon").code());
    }

    @Test
    void outgoingAllowedHostsAreStoredServedExportedAndImported() throws IOException {
        assertTrue(run("", "outgoing", "show").out().contains("outgoing allowed hosts: each route's own partner host"
                + " only"));
        assertOneLine(2, run("", "outgoing", "allowed-hosts", "*.partner.example", "bad host"), "bad host");
        assertEquals(0, run("", "outgoing", "allowed-hosts", "*.partner.example,192.0.2.0/24", "oftp.example").code());
        assertTrue(run("", "outgoing", "show").out().contains("outgoing allowed hosts: *.partner.example, "
                + "192.0.2.0/24, oftp.example"));
        completeConfiguration();

        String exported = run("", "config", "export", "-").out();
        assertTrue(exported.replaceAll("\\s", "").contains("\"allowedHosts\":[\"*.partner.example\",\"192.0.2.0/24\",\"oftp.example\"]"),
                exported);
        assertEquals(0, run("", "outgoing", "route-hosts-only").code());
        assertFalse(run("", "config", "export", "-").out().contains("allowedHosts"));

        Path saved = write("export.json", exported);
        assertEquals(0, run("", "config", "import", saved.toString()).code());
        assertTrue(run("", "outgoing", "show").out().contains("outgoing allowed hosts: *.partner.example, "
                + "192.0.2.0/24, oftp.example"));
    }

    /** The least the document needs: a listener, the inside daemon and relay-server's identity. */
    private void completeConfiguration() {
        PemFiles server = PKI.write(PKI.server(), "complete-server");
        run("", "listener", "add", "6619");
        run("", "inside", "set", "127.0.0.1");
        run("", "identity", "import", "server", "--cert", server.certificateChain().toString(), "--key",
                server.privateKey().toString());
    }

    @Test
    void tokensAreShownOnceAndNeverListed() {
        Result created = run("", "token", "create", "relay-1");
        String token = HYGIENE.remember(created.out().strip());
        assertEquals(43, token.length());

        String listed = run("", "token", "list").out();
        assertTrue(listed.contains("relay-1"));
        assertFalse(listed.contains(token));
        assertOneLine(1, run("", "token", "create", "relay-1"), "exists");
        assertEquals(0, run("", "token", "revoke", "relay-1").code());
        assertOneLine(1, run("", "token", "revoke", "relay-1"), "no valid token");
        assertOneLine(2, run("", "token", "create", "bad name"), "token name");
    }

    @Test
    void ignoreRulesAndTheEventScript() throws IOException {
        assertEquals("ignore rule 1 added", run("", "ignore", "add", "maintenance", "--description", "planned",
                "--from", "2030-01-01T00:00:00Z", "--for", "8h").out().strip());
        assertTrue(run("", "ignore", "list").out().contains("1 [not yet] \"maintenance\" from 2030-01-01T00:00:00Z"
                + " until 2030-01-01T08:00:00Z: planned"));
        assertOneLine(2, run("", "ignore", "add", "x", "--description", "d", "--from", "tomorrow"), "ISO-8601");
        assertEquals(0, run("", "ignore", "remove", "1").code());
        assertOneLine(1, run("", "ignore", "remove", "1"), "no ignore rule 1");

        Path script = write("notify.sh", "#!/bin/sh\nexit 0\n");
        assertOneLine(1, run("", "event-script", "set", script.toString()), "not an executable file");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, run("", "event-script", "set", script.toString(), "--timeout", "5s").code());
        assertEquals("event script: " + script + " (timeout 5s)", run("", "event-script", "show").out().strip());
        assertEquals(0, run("", "event-script", "clear").code());
        assertEquals("event script: none", run("", "event-script", "show").out().strip());
    }

    @Test
    void checkListsEveryMissingPartAndPassesOnceComplete() {
        Result empty = run("", "check");
        assertEquals(1, empty.code());
        assertEquals(3, empty.err().strip().lines().count(), empty.err());

        completeConfiguration();
        Result valid = run("", "check");

        assertEquals(0, valid.code(), valid.err());
        assertTrue(valid.out().contains("configuration valid (0 partners, 0 routes, 0 CAs, 0 CRLs)"), valid.out());
        assertTrue(valid.out().contains("warning: tokens: no valid token"), valid.out());
    }

    @Test
    void masterKeyOthersMayReadStopsEveryCommandWithOneLine() throws IOException {
        run("", "token", "list");
        Files.setPosixFilePermissions(data.resolve("master.key"), PosixFilePermissions.fromString("rw-r-----"));

        assertOneLine(1, run("", "token", "list"), "chmod 600");
        PemFiles api = PKI.write(PKI.server(), "api");
        assertOneLine(1, run("", "serve", "--cert", api.certificateChain().toString(), "--key",
                api.privateKey().toString(), "--listen", "127.0.0.1:0", "--pid-file",
                files.resolve("backend-api.pid").toString()), "chmod 600");
        assertOneLine(2, run("", "serve", "--cert", "c", "--key", "k", "--listen", "host:port"), "--listen");
    }

    @Test
    void anotherMasterKeyDoesNotOpenTheDatabase() throws IOException {
        run("", "token", "list");
        Path otherKey = files.resolve("other.key");
        Files.writeString(Files.createFile(otherKey, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), Base64.getEncoder().encodeToString(new byte[32]));

        assertOneLine(1, run("", "token", "list", "--master-key", otherKey.toString()), "master key it was created with");
    }

    @Test
    void crlCommandsCheckTheirInput() {
        assertEquals(0, run("", "crl", "status").code());
        assertOneLine(2, run("", "crl", "add", "ldap://ldap.example/ca"), "only http and https");
        assertOneLine(1, run("", "crl", "remove", "http://crl.example/ca.crl"), "no CRL URL");
    }

    private Result run(String stdin, String... args) {
        if (!stdin.isBlank()) {
            HYGIENE.remember(stdin.strip());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--data");
        arguments.add(data.toString());
        int code = new CommandLine(new BackendApiMain(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(arguments.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneLine(int code, Result result, String expected) {
        assertEquals(code, result.code(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains(expected), result.err());
    }

    private PartnerConfig partner(String odetteId) {
        try (Store store = Store.open(StoreSettings.inFolder(data))) {
            return store.database().read(c -> PartnerTable.get(c, odetteId)).orElseThrow();
        }
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(files.resolve(name), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path pkcs12(Identity identity, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", identity.privateKey(), password,
                new Certificate[] {identity.certificate(), identity.caCertificate()});
        Path file = files.resolve("identity.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
