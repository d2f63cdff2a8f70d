package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestPkiTest {
    private static final String CRL_DISTRIBUTION_POINTS_OID = "2.5.29.31";

    @RegisterExtension
    static final TestPki PKI = TestPki.create();

    @Test
    void leafVerifiesAgainstTheTrustedCa() throws Exception {
        X509Certificate leaf = PKI.client("O0013000000PARTNER").certificate();

        leaf.verify(PKI.ca().certificate().getPublicKey());
        leaf.checkValidity();
        assertEquals(PKI.ca().certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
    }

    @Test
    void clientCertificateCarriesTheGivenCommonName() {
        X509Certificate leaf = PKI.client("O0013000000PARTNER").certificate();

        assertTrue(leaf.getSubjectX500Principal().getName().contains("CN=O0013000000PARTNER"));
    }

    @Test
    void serverCertificateNamesLoopback() throws Exception {
        X509Certificate leaf = PKI.server().certificate();

        Set<String> names = leaf.getSubjectAlternativeNames().stream()
                .map(entry -> entry.get(1).toString()).collect(Collectors.toSet());
        assertTrue(names.contains("localhost"), names::toString);
        assertTrue(names.contains("127.0.0.1"), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("0:0:0:0:0:0:0:1")), names::toString);
    }

    @Test
    void expiredCertificateIsExpired() {
        assertThrows(CertificateExpiredException.class, () -> PKI.expiredServer().certificate().checkValidity());
        assertThrows(CertificateExpiredException.class, () -> PKI.expiredClient("X").certificate().checkValidity());
    }

    @Test
    void notYetValidCertificateIsNotYetValid() {
        assertThrows(CertificateNotYetValidException.class,
                () -> PKI.notYetValidServer().certificate().checkValidity());
    }

    @Test
    void untrustedLeafDoesNotVerifyAgainstTheTrustedCa() {
        X509Certificate leaf = PKI.untrustedClient("O0013000000ROGUE").certificate();

        assertThrows(SignatureException.class, () -> leaf.verify(PKI.ca().certificate().getPublicKey()));
    }

    @Test
    void crlRevokesExactlyTheChosenSerials() throws Exception {
        X509Certificate revoked = PKI.client("A").certificate();
        X509Certificate kept = PKI.client("B").certificate();

        X509CRL crl = PKI.crl(revoked.getSerialNumber());

        crl.verify(PKI.ca().certificate().getPublicKey());
        assertTrue(crl.isRevoked(revoked));
        assertFalse(crl.isRevoked(kept));
    }

    @Test
    void crlDistributionPointIsWrittenOnlyWhereAsked() {
        Identity withPoint = PKI.issue(LeafSpec.client("C").withCrlDistributionPoint("http://127.0.0.1:1/ca.crl"));

        assertNotNull(withPoint.certificate().getExtensionValue(CRL_DISTRIBUTION_POINTS_OID));
        assertNull(PKI.client("D").certificate().getExtensionValue(CRL_DISTRIBUTION_POINTS_OID));
    }

    @Test
    void rsaLeafIsRsa() throws Exception {
        Identity rsa = PKI.issue(LeafSpec.server().withKeyType(KeyType.RSA_2048));

        assertEquals("RSA", rsa.privateKey().getAlgorithm());
        rsa.certificate().verify(PKI.ca().certificate().getPublicKey());
    }

    @Test
    void pemFilesHoldCertificateAndPkcs8Key() throws Exception {
        PemFiles files = PKI.write(PKI.server(), "server");

        assertTrue(Files.readString(files.certificateChain()).startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(Identity.certificatePem(PKI.ca().certificate()), Files.readString(files.caCertificate()));
        assertEquals(Identity.certificatePem(PKI.ca().certificate()), Files.readString(PKI.writeCa()));
    }

    @Test
    void crlIsWrittenAsPem() throws Exception {
        Path file = PKI.write(PKI.crl(), "empty");

        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertEquals("-----BEGIN X509 CRL-----", lines.get(0));
    }

    @Test
    void closeDeletesTheFolder() {
        TestPki own = TestPki.create();
        Path folder = own.write(own.server(), "server").certificateChain().getParent();

        own.close();

        assertFalse(Files.exists(folder));
    }
}
