package org.portcullis.link.mux;

/**
 * The first link frame arrived from the peer: relay-server speaks only after admitting the client, so on
 * relay-client this (not the TLS handshake, which TLS 1.3 completes before the server has checked the client's
 * certificate) is when the link is up.
 */
public final class PeerAdmittedEvent {
    public static final PeerAdmittedEvent INSTANCE = new PeerAdmittedEvent();

    private PeerAdmittedEvent() {
    }
}
