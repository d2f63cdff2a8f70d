package org.portcullis.config;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The checks on certificates, keys and CRLs that need more than parsing: a key matches its certificate,
 * a chain is in order and valid now, a CRL is signed by a trusted CA and still current.
 */
final class CertificateChecks {
    /** A certificate expiring sooner than this (or a third of its lifetime, if less) is worth a warning. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateChecks() {
    }

    /** Records errors and warnings about a TLS identity at the given path ("serverIdentity"). */
    static void identity(String path, TlsIdentity identity, Instant now, ErrorList errors, List<String> warnings) {
        List<X509Certificate> chain = identity.certificateChain();
        if (!keyMatches(identity.privateKey(), chain.get(0).getPublicKey())) {
            errors.add(path + ".privateKeyPem", "does not match the public key of the first certificate");
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = i == 0 ? "the certificate" : "certificate " + (i + 1) + " of the chain";
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                errors.add(path + ".certificateChainPem", which + " (" + subject(certificate) + ") expired on "
                        + certificate.getNotAfter().toInstant());
            } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
                errors.add(path + ".certificateChainPem", which + " (" + subject(certificate)
                        + ") is not valid before " + certificate.getNotBefore().toInstant());
            } else if (now.plus(warningPeriod(certificate)).isAfter(certificate.getNotAfter().toInstant())) {
                warnings.add(path + ".certificateChainPem: " + which + " (" + subject(certificate)
                        + ") expires on " + certificate.getNotAfter().toInstant());
            }
            if (i + 1 < chain.size() && !issued(chain.get(i + 1), certificate)) {
                errors.add(path + ".certificateChainPem", "certificate " + (i + 2) + " did not issue certificate "
                        + (i + 1) + "; the chain must be the leaf first, then each issuer in turn");
            }
        }
    }

    /** Records errors and warnings about the CRLs and CAs of the trust section ("trust"). */
    static void trust(String path, TrustConfig trust, Instant now, ErrorList errors, List<String> warnings) {
        for (X509Certificate ca : trust.caCertificates()) {
            if (now.isAfter(ca.getNotAfter().toInstant())) {
                warnings.add(path + ".caCertificatesPem: the CA " + subject(ca) + " expired on "
                        + ca.getNotAfter().toInstant() + "; no certificate it issued will be accepted");
            }
        }
        for (int i = 0; i < trust.crlsPem().size(); i++) {
            for (X509CRL crl : Pems.crls(trust.crlsPem().get(i))) {
                String where = path + ".crlsPem[" + i + "]";
                if (trust.caCertificates().stream().noneMatch(ca -> signed(ca, crl))) {
                    errors.add(where, "the CRL of " + crl.getIssuerX500Principal().getName()
                            + " is not signed by any CA in trust.caCertificatesPem");
                }
                if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
                    warnings.add(where + ": the CRL of " + crl.getIssuerX500Principal().getName()
                            + " is past its nextUpdate (" + crl.getNextUpdate().toInstant() + "); a fresh one is due");
                }
            }
        }
    }

    /** Short-lived certificates (tests, automated renewal) get a warning only in the last third of their life. */
    private static Duration warningPeriod(X509Certificate certificate) {
        Duration lifetime = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        Duration third = lifetime.dividedBy(3);
        return third.compareTo(EXPIRY_WARNING) < 0 ? third : EXPIRY_WARNING;
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    static boolean keyMatches(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        if (algorithm == null || !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        switch (keyAlgorithm) {
            case "RSA":
                return "SHA256withRSA";
            case "EC":
                return "SHA256withECDSA";
            case "Ed25519":
            case "Ed448":
            case "EdDSA":
                return "EdDSA";
            case "DSA":
                return "SHA256withDSA";
            default:
                return null;
        }
    }

    private static boolean issued(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signed(X509Certificate ca, X509CRL crl) {
        if (!ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
            return false;
        }
        try {
            crl.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
