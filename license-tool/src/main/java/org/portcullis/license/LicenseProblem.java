package org.portcullis.license;

/**
 * Why a license is refused, one cause each, with the exit code relay-server {@code -V} and
 * {@code license-tool verify} end with (0 is a valid license, 1 any other failure, 2 a usage error).
 */
public enum LicenseProblem {
    /** No file at the license path. */
    MISSING(3, "missing"),
    /** The file exists but cannot be read (permissions, a directory, an I/O error). */
    UNREADABLE(4, "unreadable"),
    /** Not a license file: no signature line, a field out of place, a value that does not parse. */
    MALFORMED(5, "malformed"),
    /** The signature does not verify with any trusted key: changed after signing, or signed by another key. */
    TAMPERED(6, "tampered"),
    /** Issued for another host's Proxy ID. */
    OTHER_HOST(7, "other host"),
    /** Its last valid day has passed. */
    EXPIRED(8, "expired"),
    /** Its first valid day has not come yet. */
    NOT_YET_VALID(9, "not yet valid"),
    /** This host has no machine ID, so it has no Proxy ID to compare the license with. */
    NO_PROXY_ID(10, "no Proxy ID");

    private final int exitCode;
    private final String label;

    LicenseProblem(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    /** The process exit code for this cause; distinct per cause, never 0, 1 or 2. */
    public int exitCode() {
        return exitCode;
    }

    /** A few words for the cause, e.g. "not yet valid". */
    public String label() {
        return label;
    }
}
