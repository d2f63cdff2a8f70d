package org.portcullis.oftp2.command;

import java.util.Arrays;
import java.util.Objects;

import io.netty.buffer.ByteBuf;

/**
 * End-to-End Response: the file reached its final recipient (RFC 5024 §5.3.13).
 *
 * @param destination EERPDEST, the file's originator
 * @param originator  EERPORIG, the file's final recipient
 * @param hash        EERPHSH, empty unless signed; copied
 * @param signature   EERPSIG, a CMS SignedData, empty when not signed; copied
 */
public record Eerp(String datasetName, String date, String time, String user, String destination,
        String originator, byte[] hash, byte[] signature) implements OftpCommand {
    static final int MINIMUM_LENGTH = 110;

    public Eerp {
        datasetName = FieldCheck.alphanumeric("EERPDSN", datasetName, 26);
        FieldCheck.digits("EERPDATE", date, 8);
        FieldCheck.digits("EERPTIME", time, 10);
        user = FieldCheck.alphanumeric("EERPUSER", user, 8);
        destination = FieldCheck.alphanumeric("EERPDEST", destination, 25);
        originator = FieldCheck.alphanumeric("EERPORIG", originator, 25);
        hash = FieldCheck.octets("EERPHSH", hash, 0, 0xFFFF);
        signature = FieldCheck.octets("EERPSIG", signature, 0, 0xFFFF);
        if (MINIMUM_LENGTH + hash.length + signature.length > FieldCheck.MAX_EXCHANGE_BUFFER) {
            throw new InvalidFieldException("EERPSIG", "hash and signature exceed a 99999-octet exchange buffer");
        }
    }

    /** A builder with empty user, hash and signature. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder acknowledging a received file: its name, stamps and user, with the parties swapped. */
    public static Builder answering(Sfid sfid) {
        return new Builder().datasetName(sfid.datasetName()).date(sfid.date()).time(sfid.time()).user(sfid.user())
                .destination(sfid.originator()).originator(sfid.destination());
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public CommandCode commandCode() {
        return CommandCode.EERP;
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeByte(CommandCode.EERP.octet());
        FieldWriter.alphanumeric(out, datasetName, 26);
        FieldWriter.spaces(out, 3);
        FieldWriter.digits(out, date);
        FieldWriter.digits(out, time);
        FieldWriter.alphanumeric(out, user, 8);
        FieldWriter.alphanumeric(out, destination, 25);
        FieldWriter.alphanumeric(out, originator, 25);
        FieldWriter.octets(out, hash);
        FieldWriter.octets(out, signature);
    }

    static Eerp read(FieldReader reader) {
        reader.variableCommand("EERP", MINIMUM_LENGTH);
        Builder builder = builder().datasetName(reader.alphanumeric("EERPDSN", 26));
        reader.reserved("EERPRSV1", 3);
        builder.date(reader.date("EERPDATE"))
                .time(reader.time("EERPTIME"))
                .user(reader.alphanumeric("EERPUSER", 8))
                .destination(reader.alphanumeric("EERPDEST", 25))
                .originator(reader.alphanumeric("EERPORIG", 25))
                .hash(reader.octetsWithLength("EERPHSHL", "EERPHSH"))
                .signature(reader.octetsWithLength("EERPSIGL", "EERPSIG"));
        reader.end("EERPSIG");
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Eerp that && datasetName.equals(that.datasetName) && date.equals(that.date)
                && time.equals(that.time) && user.equals(that.user) && destination.equals(that.destination)
                && originator.equals(that.originator) && Arrays.equals(hash, that.hash)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        int result = Objects.hash(datasetName, date, time, user, destination, originator);
        return 31 * (31 * result + Arrays.hashCode(hash)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Eerp[datasetName=" + datasetName + ", date=" + date + ", time=" + time + ", user=" + user
                + ", destination=" + destination + ", originator=" + originator + ", hash=" + hash.length
                + " octets, signature=" + signature.length + " octets]";
    }

    /** Builds an {@link Eerp}; dataset name, date, time, destination and originator must be set. */
    public static final class Builder {
        private String datasetName;
        private String date;
        private String time;
        private String user = "";
        private String destination;
        private String originator;
        private byte[] hash = new byte[0];
        private byte[] signature = new byte[0];

        private Builder() {
        }

        public Builder datasetName(String datasetName) {
            this.datasetName = datasetName;
            return this;
        }

        public Builder date(String date) {
            this.date = date;
            return this;
        }

        public Builder time(String time) {
            this.time = time;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        public Builder originator(String originator) {
            this.originator = originator;
            return this;
        }

        public Builder hash(byte[] hash) {
            this.hash = hash;
            return this;
        }

        public Builder signature(byte[] signature) {
            this.signature = signature;
            return this;
        }

        public Eerp build() {
            return new Eerp(datasetName, date, time, user, destination, originator, hash, signature);
        }
    }
}
