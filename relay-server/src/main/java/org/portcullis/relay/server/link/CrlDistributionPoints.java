package org.portcullis.relay.server.link;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The HTTP(S) and LDAP URLs of a certificate's CRL distribution points extension (RFC 5280 §4.2.1.13). */
final class CrlDistributionPoints {
    /** Longer URLs are ignored: a certificate is input from a partner. */
    static final int MAX_URL_LENGTH = 1024;
    private static final Logger LOG = LogManager.getLogger();

    private CrlDistributionPoints() {
    }

    /** The URLs, in the certificate's order; none when the extension is absent or cannot be read. */
    static List<String> of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    addUrls(GeneralNames.getInstance(name.getName()), urls);
                }
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("unreadable CRL distribution points in {}: {}", certificate.getSubjectX500Principal(),
                    e.toString());
        }
        return urls;
    }

    private static void addUrls(GeneralNames names, List<String> urls) {
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                String url = ASN1IA5String.getInstance(name.getName()).getString();
                String lower = url.toLowerCase(Locale.ROOT);
                if (url.length() <= MAX_URL_LENGTH && (lower.startsWith("http://") || lower.startsWith("https://")
                        || lower.startsWith("ldap://"))) {
                    urls.add(url);
                }
            }
        }
    }
}
