package org.portcullis.oftp2.peer;

/** Which end of the connection this peer is (RFC 5024 §4.2.1): the Initiator calls, the Responder answers. */
enum Role {
    INITIATOR, RESPONDER
}
