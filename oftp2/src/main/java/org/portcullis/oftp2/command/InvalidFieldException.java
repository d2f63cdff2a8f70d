package org.portcullis.oftp2.command;

/**
 * A command value that breaks a field rule of RFC 5024 §5.3; it names the field so the parser can
 * turn it into ESID 06 for that field.
 */
final class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    InvalidFieldException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The detail without the field prefix. */
    String detail() {
        return getMessage().substring(field.length() + 2);
    }
}
