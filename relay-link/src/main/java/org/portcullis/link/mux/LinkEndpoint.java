package org.portcullis.link.mux;

import io.netty.handler.ssl.SslContext;
import java.util.Objects;

/**
 * What one end of the link needs to build its pipeline.
 *
 * @param side       role, settings and the owner's listener
 * @param sslContext TLS 1.3 with mutual authentication
 * @param admission  who gets a link after the handshake
 */
public record LinkEndpoint(LinkSide side, SslContext sslContext, LinkAdmission admission) {

    public LinkEndpoint {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(admission, "admission");
    }
}
