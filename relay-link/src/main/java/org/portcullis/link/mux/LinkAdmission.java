package org.portcullis.link.mux;

import io.netty.channel.Channel;
import java.security.cert.X509Certificate;

/** Decides, after a successful TLS handshake, whether an authenticated peer gets a link (and logs a refusal). */
@FunctionalInterface
public interface LinkAdmission {

    /** Every authenticated peer gets a link (relay-client's side). */
    LinkAdmission ANY = (channel, peer) -> true;

    boolean admit(Channel channel, X509Certificate peer);
}
