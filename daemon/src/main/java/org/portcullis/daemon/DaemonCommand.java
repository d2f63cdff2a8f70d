package org.portcullis.daemon;

/**
 * A program's top command whose daemon runs as one of its subcommands ({@code backend-api serve}) rather than
 * as the command itself: its {@code ctl} subcommand takes the daemon's defaults (PID file, control port,
 * control secret) from here, as it takes them from the {@link DaemonOptions} mixin of a daemon's own command.
 */
public interface DaemonCommand {

    /** The daemon's options with their defaults. */
    DaemonOptions daemonOptions();
}
