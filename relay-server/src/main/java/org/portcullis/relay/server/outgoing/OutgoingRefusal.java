package org.portcullis.relay.server.outgoing;

import java.time.Instant;
import org.portcullis.config.RouteConfig;
import org.portcullis.link.LinkStream;
import org.portcullis.relay.server.session.AuditRecord;
import org.portcullis.relay.server.session.AuditRecord.Endpoint;
import org.portcullis.relay.server.session.AuditRecord.Ending;
import org.portcullis.relay.server.session.RelaySession.Direction;

/**
 * What the audit knows of an outgoing session refused before it had a connection to the partner.
 *
 * @param stream         the stream relay-client opened for it
 * @param requested      when it asked
 * @param route          the route, {@code null} when none has the name asked for
 * @param sourceAddress  the configured outgoing source address, {@code null} for any
 */
record OutgoingRefusal(LinkStream stream, Instant requested, RouteConfig route, String sourceAddress) {

    static OutgoingRefusal of(LinkStream stream, OutgoingTarget target) {
        return new OutgoingRefusal(stream, target.requested(), target.route(),
                target.active().config().outgoing().sourceAddress());
    }

    /** The audit record: the partner as the route names it, the relay's end as configured, no bytes. */
    AuditRecord record(Ending ending) {
        return new AuditRecord(stream.open().sessionId(), Direction.OUTGOING, requested, Instant.now(),
                route == null ? null : new Endpoint(route.partnerHost(), route.partnerPort()),
                sourceAddress == null ? null : new Endpoint(sourceAddress, 0), stream.open().routeName(), null,
                route == null ? null : route.partnerOdetteId(), ending, 0, 0);
    }
}
