package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoPkiTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new DemoPki()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void makePkiWritesCaAndOneIdentityPerName(@TempDir Path dir) throws Exception {
        int exit = run("make-pki", "--dir", dir.toString(), "--name", "partner=O0013000000PARTNER", "--name", "inside");

        assertEquals(0, exit, err::toString);
        assertTrue(Files.exists(dir.resolve("ca.pem")));
        assertTrue(Files.exists(dir.resolve("inside.key.pem")));
        X509Certificate partner = read(dir.resolve("partner.crt.pem"));
        X509Certificate ca = read(dir.resolve("ca.pem"));
        partner.verify(ca.getPublicKey());
        assertTrue(partner.getSubjectX500Principal().getName().contains("CN=O0013000000PARTNER"));
        assertTrue(read(dir.resolve("inside.crt.pem")).getSubjectX500Principal().getName().contains("CN=inside"));
        assertTrue(out.toString().contains("partner.crt.pem"), out::toString);
    }

    @Test
    void makePkiWithoutDirIsAUsageError() {
        assertEquals(2, run("make-pki"));
        assertTrue(err.toString().contains("--dir"), err::toString);
    }

    @Test
    void versionNamesTheTool() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("portcullis-pki "), out::toString);
    }

    private static X509Certificate read(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
