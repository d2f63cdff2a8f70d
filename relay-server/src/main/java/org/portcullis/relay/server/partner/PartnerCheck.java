package org.portcullis.relay.server.partner;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import org.portcullis.config.Addresses;
import org.portcullis.config.ClientCertificatePolicy;
import org.portcullis.config.PartnerConfig;
import org.portcullis.config.RelayConfig;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Ssid;

/**
 * The checks of a partner's SSID before anything goes inside (RFC 5024 §5.3.2, §5.3.11), each failing with the
 * ESID reason the partner gets; the detail is for the log and the audit record only.
 *
 * <p>Certificates: the RFC has no reason code for them. A missing required certificate and a certificate that
 * matches none of the partner's pins get ESID 04 (invalid password): the certificate is a credential of the
 * claimed Odette ID just as the password is, the ID itself is known (so 03 would be untrue), and because the
 * certificate is checked after the password, answering 04 for both tells a caller holding a stolen password
 * nothing about whether that password was right.
 */
final class PartnerCheck {
    private PartnerCheck() {
    }

    /** ESID 03 unless the Odette ID is a configured partner. */
    static PartnerConfig known(RelayConfig config, Ssid ssid) {
        return config.partner(ssid.odetteId()).orElseThrow(() -> refusal(EsidReason.USER_CODE_NOT_KNOWN,
                "Odette ID " + ssid.odetteId() + " is not a configured partner"));
    }

    /** ESID 04 unless the password matched the partner's hash. */
    static void password(boolean matches) {
        if (!matches) {
            throw refusal(EsidReason.INVALID_PASSWORD, "wrong password");
        }
    }

    /** ESID 04 for a missing required certificate or one that matches none of the pins. */
    static void certificate(PartnerConfig partner, X509Certificate certificate) {
        if (certificate == null) {
            if (partner.clientCertificate() == ClientCertificatePolicy.REQUIRED) {
                throw refusal(EsidReason.INVALID_PASSWORD, "no client certificate, but the partner requires one");
            }
            return;
        }
        if (!partner.pinMatches(certificate)) {
            throw refusal(EsidReason.INVALID_PASSWORD, "certificate " + certificate.getSubjectX500Principal()
                    + " (serial " + certificate.getSerialNumber().toString(16) + ") matches none of the pins");
        }
    }

    /** ESID 03 unless the partner may connect from {@code source}. */
    static void source(PartnerConfig partner, InetAddress source) {
        if (!partner.allows(source)) {
            throw refusal(EsidReason.USER_CODE_NOT_KNOWN, "source address " + Addresses.display(source)
                    + " is not in the partner's allowed networks");
        }
    }

    /**
     * ESID 10 for anything but OFTP 2.0 and for special logic (RFC 5024 has no code for a version refusal; 10 is
     * the closest). SSIDAUTH Y passes: secure authentication runs end to end between partner and inside daemon.
     */
    static void capabilities(Ssid ssid) {
        if (ssid.level() != Ssid.LEVEL_OFTP2) {
            throw refusal(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE,
                    "SSIDLEV " + ssid.level() + ": only OFTP 2.0 (level 5) is relayed");
        }
        if (ssid.specialLogic()) {
            throw refusal(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, "SSIDSPEC Y: special logic is not used over TCP");
        }
    }

    private static OftpProtocolException refusal(EsidReason reason, String detail) {
        return new OftpProtocolException(reason, null, detail);
    }
}
