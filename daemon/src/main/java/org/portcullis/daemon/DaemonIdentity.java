package org.portcullis.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import org.portcullis.daemon.control.ControlAddress;

/**
 * Which daemon runs: its name (in file names, logs and metrics), its main class (to recognise its processes)
 * and the defaults of its PID file, control port and control secret.
 *
 * @param name               e.g. {@code relay-server}
 * @param mainClass          the fully qualified main class, e.g. {@code org.portcullis.relay.server.RelayServerMain}
 * @param defaultControlPort the loopback port of the control port unless {@code --control} says otherwise
 */
public record DaemonIdentity(String name, String mainClass, int defaultControlPort) {

    public DaemonIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mainClass, "mainClass");
        if (defaultControlPort < 0 || defaultControlPort > 65_535) {
            throw new IllegalArgumentException("not a port: " + defaultControlPort);
        }
    }

    /** {@code /run/portcullis/NAME.pid}. */
    public Path defaultPidFile() {
        return Path.of("/run/portcullis", name + ".pid");
    }

    /** {@code /etc/portcullis/NAME.secret}. */
    public Path defaultControlSecret() {
        return Path.of("/etc/portcullis", name + ".secret");
    }

    /** {@code 127.0.0.1:PORT}. */
    public ControlAddress defaultControlAddress() {
        return new ControlAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), defaultControlPort));
    }
}
