package org.portcullis.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the PEM text of the configuration (RFC 7468): certificates, CRLs and unencrypted private keys in
 * PKCS#8 ("PRIVATE KEY"), SEC 1 ("EC PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY") form. Errors are
 * IllegalArgumentExceptions whose messages never contain key material.
 */
final class Pems {
    private Pems() {
    }

    /** One PEM block (RFC 7468) with lines of 64 characters, e.g. label "CERTIFICATE". */
    static String encode(String label, byte[] der) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        return "-----BEGIN " + label + "-----\n" + base64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The certificates as consecutive PEM blocks. */
    static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    /** The CRLs as consecutive PEM blocks. */
    static String encodeCrls(List<X509CRL> crls) {
        StringBuilder pem = new StringBuilder();
        for (X509CRL crl : crls) {
            try {
                pem.append(encode("X509 CRL", crl.getEncoded()));
            } catch (CRLException e) {
                throw new IllegalArgumentException("cannot encode the CRL of " + crl.getIssuerX500Principal(), e);
            }
        }
        return pem.toString();
    }

    /** Every certificate in the text, in order; at least one. */
    static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pem, "certificate")) {
            if (!(object instanceof X509CertificateHolder)) {
                throw new IllegalArgumentException("contains a " + describe(object) + " where certificates belong");
            }
            certificates.add(certificate(((X509CertificateHolder) object)));
        }
        return List.copyOf(certificates);
    }

    /** Every CRL in the text, in order; at least one. */
    static List<X509CRL> crls(String pem) {
        List<X509CRL> crls = new ArrayList<>();
        for (Object object : objects(pem, "CRL")) {
            if (!(object instanceof X509CRLHolder)) {
                throw new IllegalArgumentException("contains a " + describe(object) + " where CRLs belong");
            }
            crls.add(crl((X509CRLHolder) object));
        }
        return List.copyOf(crls);
    }

    /** The one unencrypted private key in the text. */
    static PrivateKey privateKey(String pem) {
        List<Object> objects = objects(pem, "private key");
        if (objects.size() != 1) {
            throw new IllegalArgumentException("must contain exactly one private key, not " + objects.size() + " PEM blocks");
        }
        Object object = objects.get(0);
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException("is an encrypted private key; the configuration carries keys unencrypted");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            if (object instanceof PrivateKeyInfo) {
                return converter.getPrivateKey((PrivateKeyInfo) object);
            }
            if (object instanceof PEMKeyPair) {
                return converter.getKeyPair((PEMKeyPair) object).getPrivate();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("is not a private key of a supported algorithm (RSA, EC, Ed25519)");
        }
        throw new IllegalArgumentException("contains a " + describe(object) + " where a private key belongs");
    }

    private static List<Object> objects(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("must contain a PEM " + what);
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // Parser messages can quote the input, which may be a key: say what failed, not what was read.
            throw new IllegalArgumentException("is not valid PEM: what lies between the -----BEGIN and -----END lines"
                    + " does not decode to a " + what);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("contains no PEM " + what + " (expected -----BEGIN ...----- blocks)");
        }
        return objects;
    }

    private static X509Certificate certificate(X509CertificateHolder holder) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new IllegalArgumentException("contains a certificate the JDK cannot read: " + e.getMessage());
        }
    }

    private static X509CRL crl(X509CRLHolder holder) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CRLException | CertificateException | IOException e) {
            throw new IllegalArgumentException("contains a CRL the JDK cannot read: " + e.getMessage());
        }
    }

    private static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "certificate";
        }
        if (object instanceof X509CRLHolder) {
            return "CRL";
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair || object instanceof PEMEncryptedKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "private key";
        }
        return "PEM block of another kind";
    }
}
