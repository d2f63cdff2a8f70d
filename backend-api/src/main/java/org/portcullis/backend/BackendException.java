package org.portcullis.backend;

/**
 * The backend cannot do what was asked with what it was given: the database refused a statement or cannot be
 * reached, the master key is missing or too widely readable, a sealed key does not open, the API's certificate
 * cannot be read or its address bound. The message is one line for an operator and never contains key material or
 * tokens.
 */
public final class BackendException extends RuntimeException {
    /** An exception with a message for the operator. */
    public BackendException(String message) {
        super(message);
    }

    /** An exception with a message for the operator and its cause. */
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
