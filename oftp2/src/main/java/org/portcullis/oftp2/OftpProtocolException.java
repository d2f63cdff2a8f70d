package org.portcullis.oftp2;

import java.util.Objects;

/**
 * A violation of RFC 5024 that ends the session; it carries the ESID reason code the protocol
 * prescribes (RFC 5024 §5.3.11) so the error handler can send ESID before closing.
 */
public final class OftpProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final EsidReason reason;
    private final String field;

    /**
     * @param reason the ESID reason to send to the peer
     * @param field  the command field at fault (for example {@code "SSIDSDEB"}), or {@code null}
     * @param detail what was wrong, in words an operator can act on; never a password or payload
     */
    public OftpProtocolException(EsidReason reason, String field, String detail) {
        super(field == null ? detail : field + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
    }

    public EsidReason reason() {
        return reason;
    }

    /** The field at fault, or {@code null} when the fault is not in one field. */
    public String field() {
        return field;
    }
}
