package org.portcullis.relay.server.session;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Where the audit record of each session goes: by default one JSON line on the logger {@code audit}. */
@FunctionalInterface
public interface AuditLog {

    /** Writes one record; called once per session, on that session's event loop, so it must not block long. */
    void write(AuditRecord record);

    /** The log4j2 logger {@code audit} at INFO, which the daemon's configuration routes to its own appender. */
    static AuditLog toLogger() {
        Logger audit = LogManager.getLogger("audit");
        return record -> audit.info("{}", record.toJson());
    }
}
