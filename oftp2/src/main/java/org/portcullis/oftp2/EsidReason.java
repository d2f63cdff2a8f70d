package org.portcullis.oftp2;

/** The ESID reason codes of RFC 5024 §5.3.11. */
public enum EsidReason {
    NORMAL_TERMINATION(0, "Normal session termination"),
    COMMAND_NOT_RECOGNISED(1, "Command not recognised"),
    PROTOCOL_VIOLATION(2, "Protocol violation"),
    USER_CODE_NOT_KNOWN(3, "User code not known"),
    INVALID_PASSWORD(4, "Invalid password"),
    LOCAL_SITE_EMERGENCY_CLOSE_DOWN(5, "Local site emergency close down"),
    COMMAND_CONTAINED_INVALID_DATA(6, "Command contained invalid data"),
    EXCHANGE_BUFFER_SIZE_ERROR(7, "Exchange buffer size error"),
    RESOURCES_NOT_AVAILABLE(8, "Resources not available"),
    TIME_OUT(9, "Time out"),
    MODE_OR_CAPABILITIES_INCOMPATIBLE(10, "Mode or capabilities incompatible"),
    INVALID_CHALLENGE_RESPONSE(11, "Invalid challenge response"),
    SECURE_AUTHENTICATION_REQUIREMENTS_INCOMPATIBLE(12, "Secure authentication requirements incompatible"),
    UNSPECIFIED_ABORT_CODE(99, "Unspecified abort code");

    private final int code;
    private final String text;

    EsidReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The two-digit code as sent in ESIDREAS. */
    public int code() {
        return code;
    }

    /** The RFC's wording, suitable as ESIDREAST. */
    public String text() {
        return text;
    }

    /** The reason for a code, or {@code null} when the code is not one the RFC defines. */
    public static EsidReason ofCode(int code) {
        for (EsidReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return null;
    }
}
