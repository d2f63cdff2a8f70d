package org.portcullis.backend;

/**
 * What a CLI command did.
 *
 * @param exitCode its exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CliResult(int exitCode, String out, String err) {
}
