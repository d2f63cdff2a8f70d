package org.portcullis.link.frame;

import org.portcullis.link.StreamOpen;

/**
 * The payload of a DATA frame with SYN: the opener's receive window and the stream's metadata.
 *
 * @param window the octets the opener lets the acceptor send before the first WINDOW_UPDATE
 * @param open   the metadata
 */
public record StreamSyn(int window, StreamOpen open) {
}
