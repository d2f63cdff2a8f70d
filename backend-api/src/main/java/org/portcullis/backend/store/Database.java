package org.portcullis.backend.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Properties;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.portcullis.backend.BackendException;

/**
 * The backend's SQL database through JDBC: the schema migrated at {@link #open}, work run in transactions, a few
 * idle connections kept for reuse. Calls block: run them on an executor, never on an event loop.
 *
 * <p>{@link #write} tells the change listener after each commit, so the service rebuilds the configuration
 * document; {@link #read} and {@link #transaction} do not.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();
    private static final int MAX_IDLE = 4;

    private final DatabaseSettings settings;
    private final Runnable onWrite;
    private final Deque<Connection> idle = new ArrayDeque<>();
    // Held from open to close: the embedded H2 database stays open between transactions.
    private final Connection keeper;
    private boolean closed;

    private Database(DatabaseSettings settings, Runnable onWrite, Connection keeper) {
        this.settings = settings;
        this.onWrite = onWrite;
        this.keeper = keeper;
    }

    /**
     * Connects, migrates the schema and returns the database.
     *
     * @param onWrite run after every committed {@link #write}
     * @throws BackendException with a one-line message if the database cannot be opened or migrated
     */
    public static Database open(DatabaseSettings settings, Runnable onWrite) {
        if (settings.url().startsWith("jdbc:h2:")) {
            // H2's automatic mixed mode lets the CLI in while the service holds the file, through a TCP server
            // that would otherwise listen on every interface; loopback is enough (set before H2 reads it).
            System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
        }
        Connection keeper = connect(settings);
        try {
            Migrations.apply(keeper, settings.displayUrl());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(keeper);
            throw e instanceof BackendException ? (BackendException) e
                    : new BackendException("cannot migrate the schema of " + settings.displayUrl() + ": "
                    + e.getMessage(), e);
        }
        return new Database(settings, Objects.requireNonNull(onWrite, "onWrite"), keeper);
    }

    /** Runs read-only work in a transaction. */
    public <T> T read(Work<T> work) {
        return transaction(work);
    }

    /** Runs work that changes the state in a transaction, then tells the change listener. */
    public <T> T write(Work<T> work) {
        T result = transaction(work);
        onWrite.run();
        return result;
    }

    /** Runs work in a transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(Work<T> work) {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            healthy = true;
            return result;
        } catch (SQLException e) {
            rollback(connection);
            throw new BackendException("database " + settings.displayUrl() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            healthy = rollback(connection);
            throw e;
        } finally {
            giveBack(connection, healthy);
        }
    }

    /** Where the data is, without credentials (for logs and messages). */
    public String displayUrl() {
        return settings.displayUrl();
    }

    /** Closes every connection; the embedded database closes with the last one. */
    @Override
    public void close() {
        synchronized (idle) {
            if (closed) {
                return;
            }
            closed = true;
            idle.forEach(Database::closeQuietly);
            idle.clear();
        }
        closeQuietly(keeper);
        LOG.debug("database {} closed", settings.displayUrl());
    }

    private Connection borrow() {
        synchronized (idle) {
            if (closed) {
                throw new BackendException("database " + settings.displayUrl() + " is closed");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        return connect(settings);
    }

    private void giveBack(Connection connection, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static Connection connect(DatabaseSettings settings) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        try {
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            // SQL state 28000: the credentials were refused; the embedded database's come from the master key.
            String hint = "28000".equals(e.getSQLState()) ? " (the H2 database in the data folder takes the master key"
                    + " it was created with)" : "";
            throw new BackendException("cannot open the database " + settings.displayUrl() + ": " + e.getMessage()
                    + hint, e);
        }
    }

    private static boolean rollback(Connection connection) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            LOG.warn("rollback failed; the connection is dropped: {}", e.getMessage());
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is the last thing done with it; there is nothing left to undo.
            LOG.debug("closing a database connection failed: {}", e.getMessage());
        }
    }
}
