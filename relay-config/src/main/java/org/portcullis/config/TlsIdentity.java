package org.portcullis.config;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A TLS identity (RFC 5024 section 2.3): a certificate chain, leaf first, and the leaf's private key, as PEM
 * text in the document and parsed once here. The loader checks that the key matches the leaf and that the leaf
 * is valid now. {@link #toString()} never shows the key.
 */
public final class TlsIdentity {
    private final String certificateChainPem;
    private final String privateKeyPem;
    private final List<X509Certificate> certificateChain;
    private final PrivateKey privateKey;

    /**
     * Parses the PEM text.
     *
     * @param certificateChainPem one or more "CERTIFICATE" blocks, the leaf first, then its issuers
     * @param privateKeyPem the leaf's unencrypted key: "PRIVATE KEY", "EC PRIVATE KEY" or "RSA PRIVATE KEY"
     * @throws ConfigException naming the field ("certificateChainPem: ...") that cannot be parsed
     */
    public TlsIdentity(String certificateChainPem, String privateKeyPem) {
        this.certificateChainPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
        this.privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        List<X509Certificate> chain = null;
        PrivateKey key = null;
        ErrorList errors = new ErrorList();
        try {
            chain = Pems.certificates(certificateChainPem);
        } catch (IllegalArgumentException e) {
            errors.add("certificateChainPem", e.getMessage());
        }
        try {
            key = Pems.privateKey(privateKeyPem);
        } catch (IllegalArgumentException e) {
            errors.add("privateKeyPem", e.getMessage());
        }
        errors.throwIfAny();
        this.certificateChain = chain;
        this.privateKey = key;
    }

    /**
     * An identity from parsed objects (for programs and tests), written as PEM: the chain as "CERTIFICATE"
     * blocks, the key as PKCS#8 "PRIVATE KEY".
     */
    public static TlsIdentity of(List<X509Certificate> certificateChain, PrivateKey privateKey) {
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the chain needs at least the leaf certificate");
        }
        return new TlsIdentity(Pems.encodeCertificates(certificateChain),
                Pems.encode("PRIVATE KEY", privateKey.getEncoded()));
    }

    /** The PEM text of the chain, as in the document. */
    public String certificateChainPem() {
        return certificateChainPem;
    }

    /** The PEM text of the private key, as in the document. Never log it. */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /** The chain, leaf first. */
    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return certificateChain.get(0);
    }

    /** The leaf's private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TlsIdentity
                && ((TlsIdentity) other).certificateChainPem.equals(certificateChainPem)
                && ((TlsIdentity) other).privateKeyPem.equals(privateKeyPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(certificateChainPem, privateKeyPem);
    }

    /** Subject, serial and expiry of the leaf; the key only by its algorithm. */
    @Override
    public String toString() {
        X509Certificate leaf = certificate();
        return "TlsIdentity[subject=" + leaf.getSubjectX500Principal().getName() + ", serial="
                + leaf.getSerialNumber().toString(16) + ", notAfter=" + leaf.getNotAfter().toInstant()
                + ", chain=" + certificateChain.size() + ", key=" + privateKey.getAlgorithm() + " (not shown)]";
    }
}
