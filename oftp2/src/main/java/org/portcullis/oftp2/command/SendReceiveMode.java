package org.portcullis.oftp2.command;

/** SSIDSR: whether a party sends, receives or both (RFC 5024 §5.3.2). */
public enum SendReceiveMode {
    SENDER_ONLY('S'), RECEIVER_ONLY('R'), BOTH('B');

    private final char letter;

    SendReceiveMode(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The value for a letter, or {@code null} when no value has it. */
    public static SendReceiveMode ofLetter(char letter) {
        for (SendReceiveMode value : values()) {
            if (value.letter == letter) {
                return value;
            }
        }
        return null;
    }
}
