package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.portcullis.testkit.Identity;
import org.portcullis.testkit.PemFiles;
import org.portcullis.testkit.TestPki;

class LinkCredentialsTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void pinsAreTheSha256OfTheDerCertificate() {
        X509Certificate certificate = PKI.server().certificate();
        String pin = LinkCredentials.pinOf(certificate);
        assertTrue(pin.matches("sha256:[0-9a-f]{64}"), pin);
        PemFiles pem = PKI.write(PKI.client("c"), "c");
        LinkCredentials pinned = new LinkCredentials(pem.certificateChain(), pem.privateKey(), PKI.writeCa(),
                pin.toUpperCase(Locale.ROOT).replace("SHA256", "sha256"));
        assertTrue(pinned.matchesPin(certificate));
        assertFalse(pinned.matchesPin(PKI.server().certificate()), "another certificate of the same CA");
        LinkCredentials unpinned = new LinkCredentials(pem.certificateChain(), pem.privateKey(), PKI.writeCa(), null);
        assertTrue(unpinned.matchesPin(certificate));
    }

    @Test
    void refusesAMalformedPin() {
        Path any = Path.of("x");
        assertThrows(LinkException.class, () -> new LinkCredentials(any, any, any, "sha1:abcd"));
        assertThrows(LinkException.class, () -> new LinkCredentials(any, any, any, "sha256:" + "0".repeat(63)));
    }

    @Test
    void buildsTlsContextsForBothSides() {
        Identity server = PKI.server();
        PemFiles pem = PKI.write(server, "server");
        LinkCredentials credentials = new LinkCredentials(pem.certificateChain(), pem.privateKey(), PKI.writeCa(),
                null);
        assertTrue(credentials.serverContext().isServer());
        assertNotNull(credentials.clientContext());
    }

    @Test
    void namesTheFileItCannotRead() {
        Path missing = PKI.folder().resolve("missing.pem");
        PemFiles pem = PKI.write(PKI.server(), "s2");
        LinkException noKey = assertThrows(LinkException.class, () -> new LinkCredentials(pem.certificateChain(),
                missing, PKI.writeCa(), null).serverContext());
        assertTrue(noKey.getMessage().contains("missing.pem"), noKey.getMessage());
        LinkException noCa = assertThrows(LinkException.class, () -> new LinkCredentials(pem.certificateChain(),
                pem.privateKey(), missing, null).clientContext());
        assertEquals(true, noCa.getMessage().contains("missing.pem"), noCa.getMessage());
    }
}
