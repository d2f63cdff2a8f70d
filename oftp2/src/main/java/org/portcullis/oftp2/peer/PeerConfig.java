package org.portcullis.oftp2.peer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.command.SendReceiveMode;

/**
 * The settings of one reference peer, Initiator or Responder (RFC 5024 §5.3.2 for the SSID values).
 *
 * @param odetteId               own identification code, sent as SSIDCODE and SFIDORIG
 * @param password               own password, sent as SSIDPSWD (at most 8 characters)
 * @param sendDir                folder whose regular files are sent, or {@code null} to send nothing
 * @param receiveDir             folder received files are written to, or {@code null} to receive nothing
 * @param expectedPartnerId      the partner's SSIDCODE this peer accepts, or {@code null} for any (ESID 03)
 * @param expectedPartnerPassword the partner's SSIDPSWD this peer accepts, or {@code null} for any (ESID 04)
 * @param bufferSize             SSIDSDEB offered, 128..99999 octets; default 99999
 * @param credit                 SSIDCRED offered, 1..999 exchange buffers; default 64
 * @param inactivityTimeout      time without a command from the partner before ESID 09; default 60 s
 * @param parseMode              how strictly X fields of received commands are read; default STRICT
 * @param tls                    TLS settings, or {@code null} for plain TCP
 */
public record PeerConfig(String odetteId, String password, Path sendDir, Path receiveDir,
        String expectedPartnerId, String expectedPartnerPassword, int bufferSize, int credit,
        Duration inactivityTimeout, ParseMode parseMode, PeerTls tls) {

    public static final int DEFAULT_BUFFER_SIZE = 99_999;
    public static final int DEFAULT_CREDIT = 64;
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofSeconds(60);

    public PeerConfig {
        Objects.requireNonNull(odetteId, "odetteId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
        Objects.requireNonNull(parseMode, "parseMode");
        if (odetteId.isBlank() || odetteId.length() > 25) {
            throw new IllegalArgumentException("the Odette ID must be 1..25 characters");
        }
        if (password.length() > 8) {
            throw new IllegalArgumentException("the password must be at most 8 characters");
        }
        if (bufferSize < 128 || bufferSize > 99_999) {
            throw new IllegalArgumentException("the buffer size must be 128..99999, not " + bufferSize);
        }
        if (credit < 1 || credit > 999) {
            throw new IllegalArgumentException("the credit must be 1..999, not " + credit);
        }
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("the inactivity timeout must be positive");
        }
    }

    /** A builder with the defaults above; only the identity is required. */
    public static Builder builder(String odetteId, String password) {
        return new Builder(odetteId, password);
    }

    /** SSIDSR for this peer as Initiator: what its folders allow it to do. */
    public SendReceiveMode mode() {
        if (sendDir != null && receiveDir != null) {
            return SendReceiveMode.BOTH;
        }
        return sendDir != null ? SendReceiveMode.SENDER_ONLY : SendReceiveMode.RECEIVER_ONLY;
    }

    /** Builds a {@link PeerConfig} step by step. */
    public static final class Builder {
        private final String odetteId;
        private final String password;
        private Path sendDir;
        private Path receiveDir;
        private String expectedPartnerId;
        private String expectedPartnerPassword;
        private int bufferSize = DEFAULT_BUFFER_SIZE;
        private int credit = DEFAULT_CREDIT;
        private Duration inactivityTimeout = DEFAULT_INACTIVITY_TIMEOUT;
        private ParseMode parseMode = ParseMode.STRICT;
        private PeerTls tls;

        private Builder(String odetteId, String password) {
            this.odetteId = odetteId;
            this.password = password;
        }

        public Builder sendDir(Path value) {
            sendDir = value;
            return this;
        }

        public Builder receiveDir(Path value) {
            receiveDir = value;
            return this;
        }

        /** Accept only this partner: its SSIDCODE and, when {@code password} is not null, its SSIDPSWD. */
        public Builder expectPartner(String partnerId, String partnerPassword) {
            expectedPartnerId = partnerId;
            expectedPartnerPassword = partnerPassword;
            return this;
        }

        public Builder bufferSize(int value) {
            bufferSize = value;
            return this;
        }

        public Builder credit(int value) {
            credit = value;
            return this;
        }

        public Builder inactivityTimeout(Duration value) {
            inactivityTimeout = value;
            return this;
        }

        public Builder parseMode(ParseMode value) {
            parseMode = value;
            return this;
        }

        public Builder tls(PeerTls value) {
            tls = value;
            return this;
        }

        public PeerConfig build() {
            return new PeerConfig(odetteId, password, sendDir, receiveDir, expectedPartnerId,
                    expectedPartnerPassword, bufferSize, credit, inactivityTimeout, parseMode, tls);
        }
    }
}
