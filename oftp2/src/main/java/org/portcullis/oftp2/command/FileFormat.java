package org.portcullis.oftp2.command;

/** SFIDFMT: the virtual file's record format (RFC 5024 §5.3.3). */
public enum FileFormat {
    FIXED('F'), VARIABLE('V'), UNSTRUCTURED('U'), TEXT('T');

    private final char letter;

    FileFormat(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /** The value for a letter, or {@code null} when no value has it. */
    public static FileFormat ofLetter(char letter) {
        for (FileFormat value : values()) {
            if (value.letter == letter) {
                return value;
            }
        }
        return null;
    }
}
