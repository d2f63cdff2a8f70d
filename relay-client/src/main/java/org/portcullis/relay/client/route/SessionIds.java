package org.portcullis.relay.client.route;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** New session ids for outgoing sessions: 12 hex digits, unique enough to follow one session through both daemons. */
final class SessionIds {
    private SessionIds() {
    }

    static String next() {
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
