/**
 * The {@code oftp2-peer} command line (picocli) of the reference OFTP2 peer (RFC 5024): {@code receive} runs
 * a Responder, {@code send} an Initiator. Logging goes to stderr through the log4j2 configuration
 * {@code oftp2-peer-log4j2.xml}, which {@link org.portcullis.oftp2.peer.cli.PeerCli#main} selects; stdout
 * carries only the {@code listening on HOST:PORT} line and the session reports.
 */
package org.portcullis.oftp2.peer.cli;
