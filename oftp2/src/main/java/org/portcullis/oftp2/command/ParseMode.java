package org.portcullis.oftp2.command;

/**
 * How strictly X fields are read (RFC 5024 §5.1, Appendix B). Both modes stay strict on lengths,
 * digits, flags and codes; they differ only in the character set of alphanumeric fields.
 */
public enum ParseMode {
    /** The RFC character set: {@code 0-9 A-Z / - . & ( )} and space, no embedded spaces. */
    STRICT,
    /** Printable ASCII (0x20 to 0x7E) in X fields, as real peers send (lowercase, embedded spaces). */
    LENIENT
}
