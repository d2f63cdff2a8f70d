package org.portcullis.e2e;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portcullis.relay.client.RelayClientMain;
import picocli.CommandLine;

/**
 * {@code relay-client ctl status} against a relay-client process, as an operator asks it: the control port on
 * loopback port 0 (read from the daemon's log) with a secret file only its owner reads.
 */
final class ClientControl {
    private static final Pattern CONTROL_PORT = Pattern.compile("control port listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Path secret;

    private ClientControl(Path secret) {
        this.secret = secret;
    }

    static ClientControl create(RelayPath relay) {
        try {
            Path secret = Files.writeString(relay.folder("control").resolve("relay-client.secret"),
                    "chaos-" + UUID.randomUUID() + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            return new ClientControl(secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** relay-client's options for its control port. */
    List<String> daemonArguments() {
        return List.of("--control", "127.0.0.1:0", "--control-secret", secret.toString());
    }

    /** What {@code relay-client ctl status} prints; fails unless it exits 0. */
    String status(DaemonProcess client) {
        String port = client.awaitLog(CONTROL_PORT, RelayPath.TIMEOUT);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new RelayClientMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("ctl", "--control", "127.0.0.1:" + port, "--control-secret", secret.toString(), "status");
        if (code != 0) {
            throw new AssertionError("relay-client ctl status exited with " + code + ": " + err);
        }
        return out.toString();
    }

    /** A field of status's output ({@code name: value}), or {@code null}. */
    static String field(String status, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.*)$").matcher(status);
        return matcher.find() ? matcher.group(1).trim() : null;
    }

    /** The configuration's age in seconds from status's {@code config.age: 42s}. */
    static long configAgeSeconds(String status) {
        String age = field(status, "config.age");
        if (age == null || !age.endsWith("s")) {
            throw new AssertionError("no config.age in relay-client's status:\n" + status);
        }
        return Long.parseLong(age.substring(0, age.length() - 1));
    }
}
