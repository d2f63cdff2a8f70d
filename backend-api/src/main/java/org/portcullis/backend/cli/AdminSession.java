package org.portcullis.backend.cli;

import org.portcullis.backend.store.Database;
import org.portcullis.backend.store.Store;
import org.portcullis.backend.store.StoreSettings;

/** The state as one command uses it: opened on first use, so input checked before then touches nothing. */
final class AdminSession implements AutoCloseable {
    private final StoreSettings settings;
    private Store store;

    AdminSession(StoreSettings settings) {
        this.settings = settings;
    }

    Store store() {
        if (store == null) {
            store = Store.open(settings);
        }
        return store;
    }

    Database database() {
        return store().database();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
