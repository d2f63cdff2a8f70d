package org.portcullis.config;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What relay-server trusts (RFC 5024 section 2.3): the CA certificates partner certificates must chain to,
 * incoming and outgoing, and the CRLs that revoke them. Parsed once; the loader checks that every CRL is
 * signed by one of the CAs.
 */
public final class TrustConfig {
    private final List<String> caCertificatesPem;
    private final List<String> crlsPem;
    private final List<X509Certificate> caCertificates;
    private final List<X509CRL> crls;

    /**
     * Parses the PEM text.
     *
     * @param caCertificatesPem PEM texts each holding one or more CA certificates
     * @param crlsPem PEM texts each holding one or more CRLs ("X509 CRL" blocks)
     * @throws ConfigException naming each entry ("caCertificatesPem[1]: ...") that cannot be parsed
     */
    public TrustConfig(List<String> caCertificatesPem, List<String> crlsPem) {
        this.caCertificatesPem = List.copyOf(caCertificatesPem);
        this.crlsPem = List.copyOf(crlsPem);
        ErrorList errors = new ErrorList();
        List<X509Certificate> cas = new ArrayList<>();
        for (int i = 0; i < this.caCertificatesPem.size(); i++) {
            try {
                cas.addAll(Pems.certificates(this.caCertificatesPem.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add("caCertificatesPem[" + i + "]", e.getMessage());
            }
        }
        List<X509CRL> lists = new ArrayList<>();
        for (int i = 0; i < this.crlsPem.size(); i++) {
            try {
                lists.addAll(Pems.crls(this.crlsPem.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add("crlsPem[" + i + "]", e.getMessage());
            }
        }
        errors.throwIfAny();
        this.caCertificates = List.copyOf(cas);
        this.crls = List.copyOf(lists);
    }

    /** Trust from parsed objects (for programs and tests): one PEM entry per CA and per CRL. */
    public static TrustConfig of(List<X509Certificate> caCertificates, List<X509CRL> crls) {
        return new TrustConfig(caCertificates.stream().map(ca -> Pems.encodeCertificates(List.of(ca))).toList(),
                crls.stream().map(crl -> Pems.encodeCrls(List.of(crl))).toList());
    }

    /** No CAs, no CRLs. */
    public static TrustConfig empty() {
        return new TrustConfig(List.of(), List.of());
    }

    /** The PEM texts of the CA certificates, as in the document. */
    public List<String> caCertificatesPem() {
        return caCertificatesPem;
    }

    /** The PEM texts of the CRLs, as in the document. */
    public List<String> crlsPem() {
        return crlsPem;
    }

    /** Every trusted CA certificate. */
    public List<X509Certificate> caCertificates() {
        return caCertificates;
    }

    /** Every CRL. */
    public List<X509CRL> crls() {
        return crls;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustConfig && ((TrustConfig) other).caCertificatesPem.equals(caCertificatesPem)
                && ((TrustConfig) other).crlsPem.equals(crlsPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caCertificatesPem, crlsPem);
    }

    @Override
    public String toString() {
        return "TrustConfig[" + caCertificates.size() + " CA certificates, " + crls.size() + " CRLs]";
    }
}
