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
}
