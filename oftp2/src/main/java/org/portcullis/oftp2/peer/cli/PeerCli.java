package org.portcullis.oftp2.peer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code oftp2-peer}: the reference OFTP2 peer (RFC 5024) on the command line, as Responder
 * ({@code receive}) or Initiator ({@code send}). Exit status: 0 normal end (ESID 00), 2 bad usage,
 * 3 refused by the partner, 4 ended by this peer (protocol error, refusal, time out), 5 connection or
 * TLS failure, 1 anything else.
 */
@Command(name = "oftp2-peer", mixinStandardHelpOptions = true, version = "oftp2-peer 0.1",
        subcommands = {ReceiveCommand.class, SendCommand.class},
        description = "Reference OFTP2 peer: send and receive files over TCP or TLS.")
public final class PeerCli {
    /** The log4j2 configuration of the CLI: console on stderr, level from -v. */
    static final String LOG_CONFIGURATION = "oftp2-peer-log4j2.xml";

    /** The command line, without the process around it: tests run it with their own out and err. */
    public static CommandLine commandLine() {
        return new CommandLine(new PeerCli());
    }

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIGURATION);
        }
        System.exit(commandLine().execute(args));
    }
}
