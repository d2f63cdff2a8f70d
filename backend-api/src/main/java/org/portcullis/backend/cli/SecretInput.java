package org.portcullis.backend.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a secret (a partner's password, a PKCS#12 password) from the first line of a file or of standard input,
 * never from an argument, so it stays out of shell history and process lists.
 */
final class SecretInput {
    /** More than any password line: a bound on what is read from a pipe. */
    private static final int MAX_INPUT = 1024;
    /** SSIDPSWD is X(8) (RFC 5024 section 5.3.2). */
    private static final int MAX_PASSWORD = 8;

    private SecretInput() {
    }

    /** The first line of the file, or of {@code stdin} if the file is null; may be empty. */
    static char[] firstLine(Path file, InputStream stdin) {
        byte[] input;
        try {
            if (file == null) {
                input = stdin.readNBytes(MAX_INPUT);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    input = in.readNBytes(MAX_INPUT);
                }
            }
        } catch (IOException e) {
            throw AdminException.failed("cannot read the secret from " + (file == null ? "standard input" : file) + ": "
                    + e.getMessage());
        }
        int end = 0;
        while (end < input.length && input[end] != '\n' && input[end] != '\r') {
            end++;
        }
        char[] line = new char[end];
        for (int i = 0; i < end; i++) {
            line[i] = (char) (input[i] & 0xff);
        }
        Arrays.fill(input, (byte) 0);
        return line;
    }

    /** A partner's SSID password: 1-8 printable ASCII characters, no space first or last. */
    static char[] partnerPassword(Path file, InputStream stdin) {
        char[] password = firstLine(file, stdin);
        String problem = null;
        if (password.length == 0) {
            problem = "the password is empty (expected on the first line of " + (file == null ? "standard input" : file)
                    + ")";
        } else if (password.length > MAX_PASSWORD) {
            problem = "the password is longer than the " + MAX_PASSWORD + " characters of SSIDPSWD";
        } else if (password[0] == ' ' || password[password.length - 1] == ' ') {
            problem = "the password must not start or end with a space (OFTP pads fields with spaces)";
        } else {
            for (char c : password) {
                if (c < 0x20 || c > 0x7e) {
                    problem = "the password must be printable ASCII (SSIDPSWD is an OFTP X(8) field)";
                }
            }
        }
        if (problem != null) {
            Arrays.fill(password, '\0');
            throw AdminException.badInput(problem);
        }
        return password;
    }
}
