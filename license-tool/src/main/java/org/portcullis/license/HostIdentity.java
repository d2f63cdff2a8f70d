package org.portcullis.license;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where this host's {@link ProxyId} comes from: the systemd machine ID in the first of the given files that holds
 * one ({@code /etc/machine-id}, then {@code /var/lib/dbus/machine-id} on a real host; other files in tests).
 */
public record HostIdentity(List<Path> machineIdFiles) {
    /** The files systemd and D-Bus keep the machine ID in, in the order they are tried. */
    public static final List<Path> SYSTEM_FILES = List.of(Path.of("/etc/machine-id"),
            Path.of("/var/lib/dbus/machine-id"));

    /** More than a machine ID file ever holds (33 octets): a bound on what is read. */
    private static final int MAX_BYTES = 256;

    public HostIdentity {
        if (machineIdFiles.isEmpty()) {
            throw new IllegalArgumentException("at least one machine ID file");
        }
        machineIdFiles = List.copyOf(machineIdFiles);
    }

    /** This host, as relay-server sees it. */
    public static HostIdentity system() {
        return new HostIdentity(SYSTEM_FILES);
    }

    /** The machine ID in these files, first one that holds one wins. */
    public static HostIdentity of(Path... machineIdFiles) {
        return new HostIdentity(List.of(machineIdFiles));
    }

    /**
     * The Proxy ID of this host; the same every time the files are the same.
     *
     * @throws LicenseException {@link LicenseProblem#NO_PROXY_ID} if no file holds a machine ID, saying what each held
     */
    public ProxyId proxyId() throws LicenseException {
        List<String> findings = new ArrayList<>();
        for (Path file : machineIdFiles) {
            try {
                String content = read(file).strip();
                if (ProxyId.isMachineId(content)) {
                    return ProxyId.ofMachineId(content);
                }
                findings.add(file + ": no machine ID in it");
            } catch (IOException e) {
                findings.add(file + ": " + FileErrors.reason(e));
            }
        }
        throw new LicenseException(LicenseProblem.NO_PROXY_ID, "cannot determine this host's Proxy ID: "
                + String.join(", ", findings) + " (systemd-machine-id-setup creates one)");
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.US_ASCII);
        }
    }
}
