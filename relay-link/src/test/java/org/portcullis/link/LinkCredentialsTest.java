package org.portcullis.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void buildsTlsContextsForBothSides(TlsProvider provider) {
        assumeTrue(provider == TlsProvider.JDK || OpenSsl.isAvailable(), "BoringSSL does not load on this host");
        Identity server = PKI.server();
        PemFiles pem = PKI.write(server, "server");
        LinkCredentials credentials = new LinkCredentials(pem.certificateChain(), pem.privateKey(), PKI.writeCa(),
                null);
        SslContext serverSide = credentials.serverContext(provider);
        assertTrue(serverSide.isServer());
        assertEquals(provider == TlsProvider.OPENSSL, serverSide instanceof OpenSslContext);
        SslContext clientSide = credentials.clientContext(provider);
        assertNotNull(clientSide);
        assertEquals(provider == TlsProvider.OPENSSL, clientSide instanceof OpenSslContext);
    }

    @Test
    void parsesTheTlsProviderOption() {
        assertEquals(TlsProvider.preferred(), TlsProvider.parse("auto"));
        assertEquals(TlsProvider.JDK, TlsProvider.parse("JDK"));
        assertEquals(OpenSsl.isAvailable() ? TlsProvider.OPENSSL : TlsProvider.JDK, TlsProvider.parse("openssl"));
        assertThrows(IllegalArgumentException.class, () -> TlsProvider.parse("conscrypt"));
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
