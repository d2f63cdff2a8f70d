package org.portcullis.oftp2.command;

/** The reason codes of SFNA (RFC 5024 §5.3.5) and EFNA (§5.3.10). */
public enum AnswerReason {
    INVALID_FILENAME(1, false), INVALID_DESTINATION(2, false), INVALID_ORIGIN(3, false),
    RECORD_FORMAT_NOT_SUPPORTED(4, false), MAX_RECORD_LENGTH_NOT_SUPPORTED(5, false), FILE_TOO_BIG(6, false),
    INVALID_RECORD_COUNT(10, false), INVALID_BYTE_COUNT(11, false), ACCESS_METHOD_FAILURE(12, false),
    DUPLICATE_FILE(13, false), FILE_DIRECTION_REFUSED(14, false), CIPHER_SUITE_NOT_SUPPORTED(15, false),
    ENCRYPTED_FILE_NOT_ALLOWED(16, false), UNENCRYPTED_FILE_NOT_ALLOWED(17, false),
    COMPRESSION_NOT_ALLOWED(18, false), SIGNED_FILE_NOT_ALLOWED(19, false), UNSIGNED_FILE_NOT_ALLOWED(20, false),
    INVALID_FILE_SIGNATURE(21, true), FILE_DECRYPTION_FAILURE(22, true), FILE_DECOMPRESSION_FAILURE(23, true),
    UNSPECIFIED(99, false);

    private final int code;
    private final boolean efnaOnly;

    AnswerReason(int code, boolean efnaOnly) {
        this.code = code;
        this.efnaOnly = efnaOnly;
    }

    public int code() {
        return code;
    }

    /** True for the codes only EFNA may carry (21 to 23). */
    public boolean efnaOnly() {
        return efnaOnly;
    }

    /** The reason for a code, or {@code null} when the code is not defined. */
    public static AnswerReason ofCode(int code) {
        for (AnswerReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return null;
    }
}
