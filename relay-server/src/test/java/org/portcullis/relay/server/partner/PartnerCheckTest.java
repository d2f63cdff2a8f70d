package org.portcullis.relay.server.partner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.portcullis.config.CertificatePin;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.PasswordHash;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Ssid;
import org.portcullis.testkit.TestPki;

class PartnerCheckTest {
    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    private static final String HASH = PasswordHash.create("SECRET".toCharArray());

    private static PartnerConfig partner(List<String> pins, List<String> networks, ClientCertificatePolicy policy) {
        return new PartnerConfig("O0013000000PARTNER", HASH, pins, networks, policy);
    }

    private static void assertRefused(EsidReason expected, Executable check) {
        assertEquals(expected, assertThrows(OftpProtocolException.class, check).reason());
    }

    @Test
    void aMissingCertificateIsRefusedWithEsid04OnlyWhenRequired() {
        assertRefused(EsidReason.INVALID_PASSWORD, () -> PartnerCheck.certificate(
                partner(List.of(), List.of(), ClientCertificatePolicy.REQUIRED), null));
        assertDoesNotThrow(() -> PartnerCheck.certificate(
                partner(List.of(), List.of(), ClientCertificatePolicy.OPTIONAL), null));
        assertDoesNotThrow(() -> PartnerCheck.certificate(
                partner(List.of(), List.of(), ClientCertificatePolicy.NONE), null));
    }

    @Test
    void aCertificateMatchingNoPinIsRefusedWithEsid04() {
        X509Certificate pinned = PKI.client("O0013000000PARTNER").certificate();
        X509Certificate other = PKI.client("O0013000000PARTNER").certificate();
        PartnerConfig config = partner(List.of(CertificatePin.of(pinned).toString()), List.of(),
                ClientCertificatePolicy.REQUIRED);
        assertDoesNotThrow(() -> PartnerCheck.certificate(config, pinned));
        assertRefused(EsidReason.INVALID_PASSWORD, () -> PartnerCheck.certificate(config, other));
    }

    @Test
    void aSourceOutsideTheAllowedNetworksIsRefusedWithEsid03() throws Exception {
        PartnerConfig config = partner(List.of(), List.of("192.0.2.0/24", "2001:db8::/32"),
                ClientCertificatePolicy.REQUIRED);
        assertDoesNotThrow(() -> PartnerCheck.source(config, InetAddress.getByName("192.0.2.7")));
        assertDoesNotThrow(() -> PartnerCheck.source(config, InetAddress.getByName("2001:db8::1")));
        InetAddress elsewhere = InetAddress.getByName("198.51.100.1");
        assertRefused(EsidReason.USER_CODE_NOT_KNOWN, () -> PartnerCheck.source(config, elsewhere));
    }

    @Test
    void onlyOftp2WithoutSpecialLogicPasses() {
        Ssid oftp2 = Ssid.builder().odetteId("O0013000000PARTNER").build();
        assertDoesNotThrow(() -> PartnerCheck.capabilities(oftp2));
        assertDoesNotThrow(() -> PartnerCheck.capabilities(oftp2.toBuilder().secureAuthentication(true).build()));
        for (int level : new int[] {1, 2, 4}) {
            Ssid older = oftp2.toBuilder().level(level).build();
            assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, () -> PartnerCheck.capabilities(older));
        }
        Ssid special = oftp2.toBuilder().specialLogic(true).build();
        assertRefused(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, () -> PartnerCheck.capabilities(special));
    }

    @Test
    void aWrongPasswordIsEsid04() {
        assertRefused(EsidReason.INVALID_PASSWORD, () -> PartnerCheck.password(false));
        assertDoesNotThrow(() -> PartnerCheck.password(true));
    }
}
