package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What runs inside one transaction of the {@link Database}.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface Work<T> {
    /** Runs on the given connection; the database commits when it returns and rolls back when it throws. */
    T run(Connection connection) throws SQLException;
}
