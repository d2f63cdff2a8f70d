package org.portcullis.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed root CA that issues leaf certificates and CRLs for tests of the TLS layer of RFC 5024
 * section 2.3. Signing uses the JDK providers; Bouncy Castle only builds the ASN.1 structures.
 */
public final class CertificateAuthority {
    private static final Duration CA_LIFETIME = Duration.ofDays(2);

    private final KeyType keyType;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final JcaX509ExtensionUtils extensionUtils;
    // Serials are unique per CA so a CRL can revoke exactly one certificate.
    private final AtomicLong nextSerial = new AtomicLong(new SecureRandom().nextInt(1 << 20) + 1L);

    private CertificateAuthority(KeyType keyType, String commonName) throws GeneralSecurityException {
        this.keyType = keyType;
        this.keyPair = keyType.generateKeyPair();
        this.extensionUtils = new JcaX509ExtensionUtils();
        this.certificate = selfSign(subject(commonName));
    }

    /** Creates a root CA with a fresh key of the given type and the given subject CN. */
    public static CertificateAuthority create(String commonName, KeyType keyType) {
        try {
            return new CertificateAuthority(keyType, commonName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create CA " + commonName, e);
        }
    }

    /** The CA's self-signed certificate (the trust anchor). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Issues a leaf certificate for a fresh key pair, as the spec says. */
    public Identity issue(LeafSpec spec) {
        KeyPair leafKeys = spec.keyType().generateKeyPair();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                certificate, nextSerial(), Date.from(now.plus(spec.validity().notBeforeOffset())),
                Date.from(now.plus(spec.validity().notAfterOffset())), subject(spec.commonName()),
                leafKeys.getPublic());
        try {
            addLeafExtensions(builder, spec, leafKeys.getPublic());
            return new Identity(sign(builder), leafKeys.getPrivate(), certificate);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + spec.commonName(), e);
        }
    }

    /** A CRL signed by this CA that revokes the given serials, valid from a minute ago for a day. */
    public X509CRL crl(Collection<BigInteger> revokedSerials) {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                Date.from(now.minus(Duration.ofMinutes(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (BigInteger serial : revokedSerials) {
            builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofMinutes(1))), CRLReason.keyCompromise);
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensionUtils.createAuthorityKeyIdentifier(certificate));
            X509CRLHolder holder = builder.build(signer());
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot sign a CRL", e);
        }
    }

    /** Writes the CRL as PEM ("X509 CRL") to the file and returns the file. */
    public static Path writeCrl(X509CRL crl, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Pem.block("X509 CRL", crl.getEncoded()), StandardCharsets.US_ASCII);
            return file;
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write CRL to " + file, e);
        }
    }

    private X509Certificate selfSign(X500Name name) throws GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name, nextSerial(), Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(CA_LIFETIME)),
                name, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(keyPair.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot add CA extensions", e);
        }
        return sign(builder);
    }

    private void addLeafExtensions(X509v3CertificateBuilder builder, LeafSpec spec, PublicKey leafKey)
            throws GeneralSecurityException, CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // RSA key exchange needs keyEncipherment; ECDHE with either key type needs only digitalSignature.
        int usage = spec.keyType() == KeyType.RSA_2048
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        // Both purposes: an OFTP2 peer is a TLS server for incoming and a client for outgoing sessions.
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(leafKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensionUtils.createAuthorityKeyIdentifier(certificate));
        List<GeneralName> altNames = new ArrayList<>();
        spec.dnsNames().forEach(dns -> altNames.add(new GeneralName(GeneralName.dNSName, dns)));
        spec.ipAddresses().forEach(ip -> altNames.add(new GeneralName(GeneralName.iPAddress, ip)));
        if (!altNames.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(altNames.toArray(GeneralName[]::new)));
        }
        if (spec.crlDistributionPoint().isPresent()) {
            GeneralNames uri = new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, spec.crlDistributionPoint().get()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                    new DistributionPoint[] {new DistributionPoint(new DistributionPointName(uri), null, null)}));
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
    }

    private ContentSigner signer() throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(keyType.signatureAlgorithm()).build(keyPair.getPrivate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("no signer for " + keyType.signatureAlgorithm(), e);
        }
    }

    private BigInteger nextSerial() {
        return BigInteger.valueOf(nextSerial.getAndIncrement());
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Portcullis Test")
                .addRDN(BCStyle.CN, commonName).build();
    }
}
