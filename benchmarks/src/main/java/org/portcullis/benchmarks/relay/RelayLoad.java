package org.portcullis.benchmarks.relay;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load driver of {@code ops/bench} (RFC 5024 sessions through a relay, many at once in one JVM): one
 * subcommand per workload, each printing one {@code RESULT key=value ...} line that the script reads.
 * Exit code 0 when every session of the workload did what it should, 1 otherwise.
 */
@Command(name = "relay-load", mixinStandardHelpOptions = true,
        description = "Drives OFTP2 sessions through a relay (or straight to the daemon) and measures them.",
        subcommands = {BulkCommand.class, SetupCommand.class, HoldCommand.class, LatencyCommand.class})
public final class RelayLoad {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayLoad()).execute(args));
    }
}
