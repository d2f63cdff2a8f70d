package org.portcullis.oftp2.command;

import io.netty.buffer.ByteBuf;

/**
 * Start Session identification, exchanged by Initiator and Responder (RFC 5024 §5.3.2). Levels 1, 2
 * and 4 (OFTP 1.x) parse too, without SSIDAUTH; refusing them is the session rules' business.
 * {@link #toString()} masks the password.
 *
 * @param level                SSIDLEV: 1, 2, 4 or 5 (OFTP 2.0)
 * @param odetteId             SSIDCODE, X(25), without pad spaces
 * @param password             SSIDPSWD, X(8), without pad spaces (may be empty)
 * @param bufferSize           SSIDSDEB, 128..99999 octets including the command octet
 * @param credit               SSIDCRED, 1..999 buffers
 * @param secureAuthentication SSIDAUTH; always false below level 5
 * @param user                 SSIDUSER, X(8), without pad spaces
 */
public record Ssid(int level, String odetteId, String password, int bufferSize, SendReceiveMode mode,
        boolean compression, boolean restart, boolean specialLogic, int credit, boolean secureAuthentication,
        String user) implements OftpCommand {
    /** SSIDLEV of OFTP 2.0. */
    public static final int LEVEL_OFTP2 = 5;
    public static final int MIN_BUFFER_SIZE = 128;
    public static final int MAX_BUFFER_SIZE = 99_999;
    public static final int MAX_CREDIT = 999;
    static final int LENGTH = 61;

    public Ssid {
        if (!isKnownLevel(level)) {
            throw new InvalidFieldException("SSIDLEV", "level " + level + " is not 1, 2, 4 or 5");
        }
        odetteId = FieldCheck.alphanumeric("SSIDCODE", odetteId, 25);
        password = FieldCheck.alphanumeric("SSIDPSWD", password, 8);
        FieldCheck.range("SSIDSDEB", bufferSize, MIN_BUFFER_SIZE, MAX_BUFFER_SIZE);
        FieldCheck.notNull("SSIDSR", mode);
        FieldCheck.range("SSIDCRED", credit, 1, MAX_CREDIT);
        if (secureAuthentication && level != LEVEL_OFTP2) {
            throw new InvalidFieldException("SSIDAUTH", "secure authentication exists only at level 5");
        }
        user = FieldCheck.alphanumeric("SSIDUSER", user, 8);
    }

    /** A builder with OFTP 2.0 defaults; only the Odette ID must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this SSID's values. */
    public Builder toBuilder() {
        return new Builder().level(level).odetteId(odetteId).password(password).bufferSize(bufferSize).mode(mode)
                .compression(compression).restart(restart).specialLogic(specialLogic).credit(credit)
                .secureAuthentication(secureAuthentication).user(user);
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.SSID;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.SSID.octet());
        FieldWriter.number(out, level, 1);
        FieldWriter.alphanumeric(out, odetteId, 25);
        FieldWriter.alphanumeric(out, password, 8);
        FieldWriter.number(out, bufferSize, 5);
        out.writeByte(mode.letter());
        FieldWriter.flag(out, compression);
        FieldWriter.flag(out, restart);
        FieldWriter.flag(out, specialLogic);
        FieldWriter.number(out, credit, 3);
        if (level == LEVEL_OFTP2) {
            FieldWriter.flag(out, secureAuthentication);
            FieldWriter.spaces(out, 4);
        } else {
            FieldWriter.spaces(out, 5);
        }
        FieldWriter.alphanumeric(out, user, 8);
        FieldWriter.carriageReturn(out);
    }

    static Ssid read(FieldReader reader) {
        reader.command("SSID", LENGTH);
        Builder builder = builder();
        int level = reader.smallNumber("SSIDLEV", 1);
        if (!isKnownLevel(level)) {
            // Checked before the fields whose layout depends on the level.
            throw FieldReader.invalid("SSIDLEV", "level " + level + " is not 1, 2, 4 or 5");
        }
        builder.level(level)
                .odetteId(reader.alphanumeric("SSIDCODE", 25))
                .password(reader.alphanumeric("SSIDPSWD", 8))
                .bufferSize(reader.smallNumber("SSIDSDEB", 5))
                .mode(SendReceiveMode.ofLetter(reader.letter("SSIDSR", "SRB")))
                .compression(reader.flag("SSIDCMPR"))
                .restart(reader.flag("SSIDREST"))
                .specialLogic(reader.flag("SSIDSPEC"))
                .credit(reader.smallNumber("SSIDCRED", 3));
        if (level == LEVEL_OFTP2) {
            builder.secureAuthentication(reader.flag("SSIDAUTH"));
            reader.reserved("SSIDRSV1", 4);
        } else {
            // OFTP 1.x has no SSIDAUTH: offsets 47-51 are one reserved X(5) field.
            builder.secureAuthentication(false);
            reader.reserved("SSIDRSV1", 5);
        }
        builder.user(reader.alphanumeric("SSIDUSER", 8));
        reader.carriageReturn("SSIDCR");
        return builder.build();
    }

    /** The release levels RFC 5024 defines: 1 (1.2/1.3), 2 (1.3), 4 (1.4) and 5 (2.0); 3 does not exist. */
    public static boolean isKnownLevel(int level) {
        return level == 1 || level == 2 || level == 4 || level == LEVEL_OFTP2;
    }

    @Override
    public String toString() {
        return "Ssid[level=" + level + ", odetteId=" + odetteId + ", password=****, bufferSize=" + bufferSize
                + ", mode=" + mode + ", compression=" + compression + ", restart=" + restart + ", specialLogic="
                + specialLogic + ", credit=" + credit + ", secureAuthentication=" + secureAuthentication
                + ", user=" + user + "]";
    }

    /** Builds an {@link Ssid}; defaults: level 5, SDEB 99999, B, no compression, restart, credit 64. */
    public static final class Builder {
        private int level = LEVEL_OFTP2;
        private String odetteId;
        private String password = "";
        private int bufferSize = MAX_BUFFER_SIZE;
        private SendReceiveMode mode = SendReceiveMode.BOTH;
        private boolean compression;
        private boolean restart = true;
        private boolean specialLogic;
        private int credit = 64;
        private boolean secureAuthentication;
        private String user = "";

        private Builder() {
        }

        public Builder level(int level) {
            this.level = level;
            return this;
        }

        public Builder odetteId(String odetteId) {
            this.odetteId = odetteId;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder bufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder mode(SendReceiveMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder compression(boolean compression) {
            this.compression = compression;
            return this;
        }

        public Builder restart(boolean restart) {
            this.restart = restart;
            return this;
        }

        public Builder specialLogic(boolean specialLogic) {
            this.specialLogic = specialLogic;
            return this;
        }

        public Builder credit(int credit) {
            this.credit = credit;
            return this;
        }

        public Builder secureAuthentication(boolean secureAuthentication) {
            this.secureAuthentication = secureAuthentication;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** @throws IllegalArgumentException naming the SSID field at fault */
        public Ssid build() {
            return new Ssid(level, odetteId, password, bufferSize, mode, compression, restart, specialLogic, credit,
                    secureAuthentication, user);
        }
    }
}
