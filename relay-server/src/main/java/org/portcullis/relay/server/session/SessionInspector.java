package org.portcullis.relay.server.session;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.daemon.control.SessionTag;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.session.Party;
import org.portcullis.oftp2.session.SessionRules;

/**
 * One session's {@link SessionRules} as the relay sees them from the middle (RFC 5024 §4, §9): the commands of
 * the partner and of the inside daemon, in the order they pass. For an incoming session the partner is the
 * Initiator; for an outgoing one the Responder. Not thread-safe: the session's event loop only.
 */
public final class SessionInspector {
    private static final Logger LOG = LogManager.getLogger();

    /**
     * How the relay reads commands: printable ASCII in X fields, as real peers send them (RFC 5024 asks to be
     * liberal in what is accepted); lengths, digits, flags and codes stay strict.
     */
    public static final ParseMode PARSE_MODE = ParseMode.LENIENT;

    private final SessionRules rules = new SessionRules();
    private final Party partner;
    private final Party inside;

    /** @param partner the partner's role in the session */
    public SessionInspector(Party partner) {
        this.partner = partner;
        this.inside = partner == Party.INITIATOR ? Party.RESPONDER : Party.INITIATOR;
    }

    /**
     * Checks a command the partner sent.
     *
     * @throws OftpProtocolException the first violation, with its ESID reason
     */
    public void fromPartner(SessionTag log, OftpCommand command) {
        LOG.debug("{} partner -> inside: {}", log, command.commandCode());
        rules.observe(partner, command);
    }

    /**
     * Checks a command the inside daemon sent, or the relay itself on its behalf (the SSRM of an incoming session).
     *
     * @throws OftpProtocolException the first violation, with its ESID reason
     */
    public void fromInside(SessionTag log, OftpCommand command) {
        LOG.debug("{} inside -> partner: {}", log, command.commandCode());
        rules.observe(inside, command);
    }

    /** The partner's role. */
    public Party partner() {
        return partner;
    }

    /** True once an ESID was seen or a violation ended the session. */
    public boolean ended() {
        return rules.ended();
    }
}
