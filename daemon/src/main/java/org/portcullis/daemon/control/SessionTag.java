package org.portcullis.daemon.control;

/**
 * The start of a session's log lines, {@code [sessionId]} or {@code [sessionId ODETTEID]}, passed as the first
 * parameter of the line ({@code LOG.debug("{} SSID from the partner", tag)}): the {@link LevelOverrideFilter}
 * reads it from there to apply a partner's or a session's log level. Thread context cannot carry it, since many
 * sessions share one event loop thread (STYLE.md rule 20). Immutable: a line may be formatted on another thread.
 *
 * @param sessionId the session's id
 * @param odetteId  the partner's Odette ID, or {@code null} until it is known
 */
public record SessionTag(String sessionId, String odetteId) {

    /** A session whose partner is not known yet. */
    public static SessionTag of(String sessionId) {
        return new SessionTag(sessionId, null);
    }

    /** This session's tag once its partner is known. */
    public SessionTag withPartner(String partnerOdetteId) {
        return new SessionTag(sessionId, partnerOdetteId);
    }

    @Override
    public String toString() {
        return odetteId == null ? "[" + sessionId + "]" : "[" + sessionId + " " + odetteId + "]";
    }
}
