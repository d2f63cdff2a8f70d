package org.portcullis.oftp2.peer.cli;

import java.time.Duration;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.peer.PeerConfig;
import picocli.CommandLine.Option;

/** The options both commands share: own identity (RFC 5024 §5.3.2 SSID), session values, logging. */
final class PeerOptions {
    /** The system property the CLI's log4j2 configuration reads its level from. */
    static final String LOG_LEVEL_PROPERTY = "oftp2.peer.log.level";

    @Option(names = "--odette-id", required = true, paramLabel = "ID",
            description = "Own Odette ID, sent as SSIDCODE (up to 25 characters).")
    String odetteId;

    @Option(names = "--password", required = true, paramLabel = "PW", converter = Secret.class,
            description = "Own password, sent as SSIDPSWD (up to 8 characters); @FILE reads it from a file.")
    String password;

    @Option(names = "--buffer-size", paramLabel = "OCTETS", defaultValue = "99999",
            description = "SSIDSDEB offered, 128..99999 (default: ${DEFAULT-VALUE}).")
    int bufferSize;

    @Option(names = "--credit", paramLabel = "BUFFERS", defaultValue = "64",
            description = "SSIDCRED offered, 1..999 (default: ${DEFAULT-VALUE}).")
    int credit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Inactivity timeout before ESID 09 (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--lenient", description = "Accept printable ASCII in X fields, as real peers send.")
    boolean lenient;

    @Option(names = "-v", description = "More logging on stderr: -v for each OFTP command, -vv for more.")
    void verbosity(boolean[] levels) {
        // Read by oftp2-peer-log4j2.xml when log4j starts, which is after the command line is parsed.
        System.setProperty(LOG_LEVEL_PROPERTY, levels.length > 1 ? "TRACE" : "DEBUG");
    }

    /** A configuration builder with these values; the command adds folders, partner checks and TLS. */
    PeerConfig.Builder configBuilder() {
        return PeerConfig.builder(odetteId, password).bufferSize(bufferSize).credit(credit)
                .inactivityTimeout(Duration.ofSeconds(timeoutSeconds))
                .parseMode(lenient ? ParseMode.LENIENT : ParseMode.STRICT);
    }
}
