package org.portcullis.oftp2.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.Ssid;

/**
 * Decides whether the partner's SSID is acceptable (RFC 5024 §5.3.2, §5.3.11): OFTP 2.0 only, the
 * expected identification code (ESID 03) and password (ESID 04), and no secure authentication, which
 * this peer does not offer (ESID 12).
 */
final class PartnerCheck {

    private PartnerCheck() {
    }

    /** @throws OftpProtocolException with the ESID reason for the first thing that is not acceptable */
    static void check(PeerConfig config, Ssid partner) {
        if (partner.level() != Ssid.LEVEL_OFTP2) {
            throw new OftpProtocolException(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, "SSIDLEV",
                    "only OFTP 2.0 (level 5) is supported, not level " + partner.level());
        }
        String expectedId = config.expectedPartnerId();
        if (expectedId != null && !expectedId.trim().equals(partner.odetteId().trim())) {
            throw refusal(EsidReason.USER_CODE_NOT_KNOWN);
        }
        String expectedPassword = config.expectedPartnerPassword();
        if (expectedPassword != null && !sameSecret(expectedPassword.trim(), partner.password().trim())) {
            throw refusal(EsidReason.INVALID_PASSWORD);
        }
        if (partner.secureAuthentication()) {
            throw refusal(EsidReason.SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE);
        }
    }

    /** A refusal in the RFC's words only: the partner learns no more than the reason code says. */
    private static OftpProtocolException refusal(EsidReason reason) {
        return new OftpProtocolException(reason, null, reason.text());
    }

    /** Compares in time independent of where the first difference is, so the timing reveals nothing. */
    private static boolean sameSecret(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
