package org.portcullis.oftp2.command;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Builds an {@link Sfid} (RFC 5024 §5.3.3). Defaults: U format, SFIDLRECL 0, sizes and restart 0,
 * no security, cipher suite 00, no compression, no envelope, SFIDSIGN N, empty user and description.
 * Dataset name, date, time, destination and originator must be set.
 */
public final class SfidBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private String datasetName;
    private String date;
    private String time;
    private String user = "";
    private String destination;
    private String originator;
    private FileFormat format = FileFormat.UNSTRUCTURED;
    private int maxRecordLength;
    private long fileSize;
    private long originalSize;
    private long restartPosition;
    private int security;
    private int cipherSuite;
    private int compression;
    private int envelope;
    private boolean signedEerp;
    private String description = "";

    SfidBuilder() {
    }

    public SfidBuilder datasetName(String datasetName) {
        this.datasetName = datasetName;
        return this;
    }

    /** @param date CCYYMMDD */
    public SfidBuilder date(String date) {
        this.date = date;
        return this;
    }

    /** @param time HHMMSScccc */
    public SfidBuilder time(String time) {
        this.time = time;
        return this;
    }

    /** Sets SFIDDATE and SFIDTIME from a local time and the counter (1-9999) that tells files apart. */
    public SfidBuilder timestamp(LocalDateTime at, int counter) {
        FieldCheck.range("SFIDTIME", counter, 1, 9999);
        this.date = DATE.format(at);
        this.time = TIME.format(at) + String.format("%04d", counter);
        return this;
    }

    public SfidBuilder user(String user) {
        this.user = user;
        return this;
    }

    public SfidBuilder destination(String destination) {
        this.destination = destination;
        return this;
    }

    public SfidBuilder originator(String originator) {
        this.originator = originator;
        return this;
    }

    public SfidBuilder format(FileFormat format) {
        this.format = format;
        return this;
    }

    public SfidBuilder maxRecordLength(int maxRecordLength) {
        this.maxRecordLength = maxRecordLength;
        return this;
    }

    /** @param fileSize SFIDFSIZ, the transmitted size in 1K blocks */
    public SfidBuilder fileSize(long fileSize) {
        this.fileSize = fileSize;
        return this;
    }

    /** @param originalSize SFIDOSIZ, the original size in 1K blocks (0 = unknown) */
    public SfidBuilder originalSize(long originalSize) {
        this.originalSize = originalSize;
        return this;
    }

    public SfidBuilder restartPosition(long restartPosition) {
        this.restartPosition = restartPosition;
        return this;
    }

    public SfidBuilder security(int security) {
        this.security = security;
        return this;
    }

    public SfidBuilder cipherSuite(int cipherSuite) {
        this.cipherSuite = cipherSuite;
        return this;
    }

    public SfidBuilder compression(int compression) {
        this.compression = compression;
        return this;
    }

    public SfidBuilder envelope(int envelope) {
        this.envelope = envelope;
        return this;
    }

    public SfidBuilder signedEerp(boolean signedEerp) {
        this.signedEerp = signedEerp;
        return this;
    }

    public SfidBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** @throws IllegalArgumentException naming the SFID field at fault */
    public Sfid build() {
        return new Sfid(datasetName, date, time, user, destination, originator, format, maxRecordLength, fileSize,
                originalSize, restartPosition, security, cipherSuite, compression, envelope, signedEerp,
                description);
    }
}
