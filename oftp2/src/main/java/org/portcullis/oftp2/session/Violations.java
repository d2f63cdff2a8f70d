package org.portcullis.oftp2.session;

import org.portcullis.oftp2.EsidReason;
import org.portcullis.oftp2.OftpProtocolException;

/** The exceptions the session rules throw, with the ESID reason RFC 5024 §9 prescribes. */
final class Violations {
    private Violations() {
    }

    /** A command that is not allowed in the current state: ESID 02 (RFC 5024 §9.8 to §9.12). */
    static OftpProtocolException protocol(String detail) {
        return new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, null, detail);
    }

    /** A field value that breaks a rule of the session: ESID 02. */
    static OftpProtocolException protocol(String field, String detail) {
        return new OftpProtocolException(EsidReason.PROTOCOL_VIOLATION, field, detail);
    }

    static OftpProtocolException incompatible(String field, String detail) {
        return new OftpProtocolException(EsidReason.MODE_OR_CAPABILITIES_INCOMPATIBLE, field, detail);
    }

    static OftpProtocolException invalidData(String field, String detail) {
        return new OftpProtocolException(EsidReason.COMMAND_CONTAINED_INVALID_DATA, field, detail);
    }
}
