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

    /** Sessions held open after their SSID exchange at once, for relay-server's heap per session: 200. */
    static int heldSessions() {
        return Integer.getInteger("e2e.heldSessions", 200);
    }

    private static long mib(String property, long defaultMib) {
        return Long.getLong(property, defaultMib) * MIB;
    }
}
