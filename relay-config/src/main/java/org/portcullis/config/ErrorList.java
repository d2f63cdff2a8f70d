package org.portcullis.config;

import java.util.ArrayList;
import java.util.List;

/** The errors found in a document so far, each "path: message". */
final class ErrorList {
    private final List<String> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(path.isEmpty() ? message : path + ": " + message);
    }

    /** Adds the errors of a nested exception under a path prefix ("serverIdentity" + "privateKeyPem: ..."). */
    void addAll(String prefix, ConfigException nested) {
        for (String error : nested.errors()) {
            errors.add(prefix.isEmpty() ? error : prefix + "." + error);
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<String> list() {
        return List.copyOf(errors);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
