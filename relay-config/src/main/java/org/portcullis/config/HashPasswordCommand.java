package org.portcullis.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hash-password}: reads a partner's SSID password (RFC 5024 section 5.3.2, SSIDPSWD, up to 8 printable
 * characters) from the first line of standard input or of {@code --password-file}, and prints its
 * {@link PasswordHash} for the partner's {@code passwordHash} field. The password is never an argument, so it
 * stays out of shell history and process lists.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Reads a partner's SSID password from the first line of standard input or a file and prints"
                + " its salted hash for the configuration's passwordHash field.")
public final class HashPasswordCommand implements Callable<Integer> {
    /** SSIDPSWD is X(8). */
    private static final int MAX_PASSWORD_LENGTH = 8;
    /** More than any password line: a bound on what is read from a pipe. */
    private static final int MAX_INPUT = 1024;

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "read the password from the first line of this file instead of standard input")
    private Path passwordFile;

    /** Reads standard input when no file is given. */
    public HashPasswordCommand() {
        this(System.in);
    }

    /** Reads the given stream when no file is given (for tests and embedding). */
    public HashPasswordCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        char[] password;
        try {
            password = firstLine(passwordFile == null ? stdin.readNBytes(MAX_INPUT) : readFile(passwordFile));
        } catch (IOException e) {
            err.println("cannot read the password: " + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            String problem = check(password);
            if (problem != null) {
                err.println(problem);
                err.flush();
                return 1;
            }
            spec.commandLine().getOut().println(PasswordHash.create(password));
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_INPUT);
        }
    }

    private static char[] firstLine(byte[] input) {
        int end = 0;
        while (end < input.length && input[end] != '\n' && input[end] != '\r') {
            end++;
        }
        char[] line = new char[end];
        for (int i = 0; i < end; i++) {
            // Octets above 0x7e stay above it and are refused by check(): SSIDPSWD is ASCII.
            line[i] = (char) (input[i] & 0xff);
        }
        Arrays.fill(input, (byte) 0);
        return line;
    }

    private static String check(char[] password) {
        if (password.length == 0) {
            return "the password is empty (expected it on the first line of the input)";
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            return "the password is longer than the " + MAX_PASSWORD_LENGTH + " characters of SSIDPSWD";
        }
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return "the password must be printable ASCII (SSIDPSWD is an OFTP X(8) field)";
            }
        }
        if (password[password.length - 1] == ' ' || password[0] == ' ') {
            return "the password must not start or end with a space (OFTP pads fields with spaces)";
        }
        return null;
    }
}
