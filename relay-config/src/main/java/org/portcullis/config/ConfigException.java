package org.portcullis.config;

import java.util.List;

/**
 * A configuration document that cannot be used, with every error found in it; each error starts with the
 * JSON path of the field it concerns, e.g. {@code partners[2].odetteId: must be 1-25 characters of the OFTP X set}.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> errors;

    /** An exception listing the given errors (at least one). */
    public ConfigException(List<String> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** An exception with a single error. */
    public ConfigException(String error) {
        this(List.of(error));
    }

    /** An exception with a single error and its cause. */
    public ConfigException(String error, Throwable cause) {
        super(error, cause);
        this.errors = List.of(error);
    }

    /** Every error, one per entry, each naming the JSON path it concerns. */
    public List<String> errors() {
        return errors;
    }

    private static String summary(List<String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        return errors.size() == 1
                ? errors.get(0)
                : errors.size() + " configuration errors: " + String.join("; ", errors);
    }
}
