package org.portcullis.license;

/** A license whose signature, Proxy ID and dates have been checked, and the trusted key that signed it. */
public record VerifiedLicense(License license, TrustedKey signedBy) {
}
