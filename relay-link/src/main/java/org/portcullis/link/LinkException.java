package org.portcullis.link;

/** A failure of the link between relay-client and relay-server: refused stream, protocol violation, link down. */
public class LinkException extends RuntimeException {

    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
