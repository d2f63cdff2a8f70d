package org.portcullis.oftp2.command;

/**
 * Builds a {@link Nerp} (RFC 5024 §5.3.14); dataset name, date, time, destination, originator,
 * creator and reason code must be set.
 */
public final class NerpBuilder {
    private String datasetName;
    private String date;
    private String time;
    private String destination;
    private String originator;
    private String creator;
    private int reasonCode;
    private String text = "";
    private byte[] hash = new byte[0];
    private byte[] signature = new byte[0];

    NerpBuilder() {
    }

    /** Fills the file's identity from its SFID, with originator and final recipient swapped (§5.3.14). */
    public NerpBuilder answering(Sfid sfid) {
        return datasetName(sfid.datasetName()).date(sfid.date()).time(sfid.time())
                .destination(sfid.originator()).originator(sfid.destination());
    }

    public NerpBuilder datasetName(String datasetName) {
        this.datasetName = datasetName;
        return this;
    }

    public NerpBuilder date(String date) {
        this.date = date;
        return this;
    }

    public NerpBuilder time(String time) {
        this.time = time;
        return this;
    }

    public NerpBuilder destination(String destination) {
        this.destination = destination;
        return this;
    }

    public NerpBuilder originator(String originator) {
        this.originator = originator;
        return this;
    }

    public NerpBuilder creator(String creator) {
        this.creator = creator;
        return this;
    }

    public NerpBuilder reasonCode(int reasonCode) {
        this.reasonCode = reasonCode;
        return this;
    }

    public NerpBuilder text(String text) {
        this.text = text;
        return this;
    }

    public NerpBuilder hash(byte[] hash) {
        this.hash = hash;
        return this;
    }

    public NerpBuilder signature(byte[] signature) {
        this.signature = signature;
        return this;
    }

    public Nerp build() {
        return new Nerp(datasetName, date, time, destination, originator, creator, reasonCode, text, hash,
                signature);
    }
}
