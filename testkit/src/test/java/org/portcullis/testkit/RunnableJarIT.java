package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shaded portcullis-pki jar runs Bouncy Castle unsigned and writes a usable PKI. */
@Timeout(60)
class RunnableJarIT {
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    @Test
    void runnableJarMakesAPki(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("output.txt");
        Path pki = dir.resolve("pki");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", System.getProperty("runnable.jar"),
                "make-pki", "--dir", pki.toString(), "--name", "partner=O0013000000PARTNER")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertTrue(process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS), "portcullis-pki jar did not exit");
        assertEquals(0, process.exitValue(), Files.readString(output));
        X509Certificate ca = read(pki.resolve("ca.pem"));
        read(pki.resolve("partner.crt.pem")).verify(ca.getPublicKey());
    }

    private static X509Certificate read(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
