package org.portcullis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portcullis.config.ConfigDocuments.at;
import static org.portcullis.config.ConfigDocuments.bytes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.TestPki;
import picocli.CommandLine;

/** verify-config and hash-password as the daemons mount them. */
class CommandsTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void verifyConfigAcceptsAValidDocument() throws Exception {
        Path file = Files.write(folder.resolve("relay.json"), bytes(ConfigDocuments.valid(PKI)));

        int exit = run(new VerifyConfigCommand(), file.toString());

        assertEquals(0, exit, err::toString);
        assertEquals("configuration valid (revision 2024-05-01T10:00:00Z#17, 2 partners, 2 routes)"
                + System.lineSeparator(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void verifyConfigListsEveryErrorOnePerLine() throws Exception {
        ObjectNode document = ConfigDocuments.valid(PKI);
        at(document, "/partners/0").put("odetteId", "bad id");
        at(document, "/routes/0").put("listenPort", -1);
        document.put("extra", 1);
        Path file = Files.write(folder.resolve("relay.json"), bytes(document));

        int exit = run(new VerifyConfigCommand(), file.toString());

        assertEquals(1, exit);
        assertEquals("", out.toString());
        String[] lines = err.toString().split(System.lineSeparator());
        assertEquals(3, lines.length, err::toString);
        assertTrue(lines[0].startsWith("partners[0].odetteId: must be 1-25 characters of the OFTP X set"), lines[0]);
        assertTrue(lines[1].startsWith("routes[0].listenPort: must be an integer in 0-65535"), lines[1]);
        assertEquals("extra: unknown field", lines[2]);
    }

    @Test
    void verifyConfigPrintsWarningsOfAValidDocument() throws Exception {
        StaleCrl stale = StaleCrl.create();
        ObjectNode document = ConfigDocuments.minimal(PKI);
        ObjectNode trust = document.putObject("trust");
        trust.putArray("caCertificatesPem").add(Identity.certificatePem(stale.caCertificate()));
        trust.putArray("crlsPem").add(ConfigDocuments.crlPem(stale.crl()));
        Path file = Files.write(folder.resolve("relay.json"), bytes(document));

        int exit = run(new VerifyConfigCommand(), file.toString());

        assertEquals(0, exit, err::toString);
        assertTrue(out.toString().startsWith("warning: trust.crlsPem[0]: the CRL of CN=Stale CA is past its nextUpdate"),
                out::toString);
        assertTrue(out.toString().endsWith("configuration valid (revision 1, 0 partners, 0 routes)"
                + System.lineSeparator()), out::toString);
    }

    @Test
    void verifyConfigFailsOnAMissingFileAndAMissingArgument() {
        assertEquals(1, run(new VerifyConfigCommand(), folder.resolve("absent.json").toString()));
        assertTrue(err.toString().startsWith("document: cannot read "), err::toString);

        assertEquals(2, run(new VerifyConfigCommand()));
    }

    @Test
    void hashPasswordReadsTheFirstLineOfStandardInput() {
        HashPasswordCommand command = new HashPasswordCommand(stdin("SECRET1\nignored\n"));

        int exit = run(command);

        assertEquals(0, exit, err::toString);
        String hash = out.toString().strip();
        assertTrue(hash.startsWith("pbkdf2-sha256$10000$"), hash);
        assertTrue(PasswordHash.verify(hash, "SECRET1"));
        assertEquals("", err.toString());
    }

    @Test
    void hashPasswordReadsAPasswordFile() throws Exception {
        Path file = Files.writeString(folder.resolve("password"), "PW-2024\r\n");

        int exit = run(new HashPasswordCommand(stdin("")), "--password-file", file.toString());

        assertEquals(0, exit, err::toString);
        assertTrue(PasswordHash.verify(out.toString().strip(), "PW-2024"));
    }

    @Test
    void hashPasswordRefusesWhatCannotBeAnSsidPassword() {
        assertEquals(1, run(new HashPasswordCommand(stdin(""))));
        assertEquals(1, run(new HashPasswordCommand(stdin("NINECHARS\n"))));
        assertEquals(1, run(new HashPasswordCommand(stdin(" LEAD\n"))));
        assertEquals(1, run(new HashPasswordCommand(stdin("P\u00e4SS\n"))));
        assertEquals(1, run(new HashPasswordCommand(stdin("x")), "--password-file", folder.resolve("none").toString()));
        assertEquals("", out.toString());
        String[] lines = err.toString().split(System.lineSeparator());
        assertEquals(5, lines.length, err::toString);
        assertEquals("the password is empty (expected it on the first line of the input)", lines[0]);
        assertEquals("the password is longer than the 8 characters of SSIDPSWD", lines[1]);
        assertTrue(lines[4].startsWith("cannot read the password: "), lines[4]);
    }

    private int run(Callable<Integer> command, String... args) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
