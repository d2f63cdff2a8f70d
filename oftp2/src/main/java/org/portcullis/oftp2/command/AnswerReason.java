package org.portcullis.oftp2.command;

/** The reason codes of SFNA (RFC 5024 §5.3.5) and EFNA (§5.3.10). */
public enum AnswerReason {
    INVALID_FILENAME(1, false, "Invalid filename"),
    INVALID_DESTINATION(2, false, "Invalid destination"),
    INVALID_ORIGIN(3, false, "Invalid origin"),
    RECORD_FORMAT_NOT_SUPPORTED(4, false, "Storage record format not supported"),
    MAX_RECORD_LENGTH_NOT_SUPPORTED(5, false, "Maximum record length not supported"),
    FILE_TOO_BIG(6, false, "File size is too big"),
    INVALID_RECORD_COUNT(10, false, "Invalid record count"),
    INVALID_BYTE_COUNT(11, false, "Invalid byte count"),
    ACCESS_METHOD_FAILURE(12, false, "Access method failure"),
    DUPLICATE_FILE(13, false, "Duplicate file"),
    FILE_DIRECTION_REFUSED(14, false, "File direction refused"),
    CIPHER_SUITE_NOT_SUPPORTED(15, false, "Cipher suite not supported"),
    ENCRYPTED_FILE_NOT_ALLOWED(16, false, "Encrypted file not allowed"),
    UNENCRYPTED_FILE_NOT_ALLOWED(17, false, "Unencrypted file not allowed"),
    COMPRESSION_NOT_ALLOWED(18, false, "Compression not allowed"),
    SIGNED_FILE_NOT_ALLOWED(19, false, "Signed file not allowed"),
    UNSIGNED_FILE_NOT_ALLOWED(20, false, "Unsigned file not allowed"),
    INVALID_FILE_SIGNATURE(21, true, "Invalid file signature"),
    FILE_DECRYPTION_FAILURE(22, true, "File decryption failure"),
    FILE_DECOMPRESSION_FAILURE(23, true, "File decompression failure"),
    UNSPECIFIED(99, false, "Unspecified reason");

    private final int code;
    private final boolean efnaOnly;
    private final String text;

    AnswerReason(int code, boolean efnaOnly, String text) {
        this.code = code;
        this.efnaOnly = efnaOnly;
        this.text = text;
    }

    /** The RFC's wording, suitable as SFNAREAST or EFNAREAST. */
    public String text() {
        return text;
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
