package org.portcullis.daemon.control;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.CompositeFilter;
import org.portcullis.daemon.control.LevelOverrides.Scope;
import org.portcullis.daemon.control.LogLevelRequest.Target;

/**
 * Log levels changed at runtime over the control port: a logger's (through log4j's Configurator, remembering the
 * level it had) or one partner's or session's (through {@link LevelOverrides} and the {@link LevelOverrideFilter}),
 * each optionally reverting after a time. A reconfiguration of log4j drops logger levels set here (the new
 * configuration rules) but keeps the partner and session levels.
 */
public final class LogLevels implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger();

    private final LoggerContext context;
    private final LevelOverrides overrides;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    /** Loggers set here, with the level their own configuration had ({@code null}: none of their own). */
    private final Map<String, Optional<Level>> changedLoggers = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> reverts = new HashMap<>();
    private final PropertyChangeListener reconfigured = this::reconfigured;
    private LevelOverrideFilter filter;
    private Configuration attachedTo;
    private boolean filterAddedHere;

    /**
     * @param scheduler runs the reverts; a single thread keeps them in order
     */
    public LogLevels(LoggerContext context, Clock clock, ScheduledExecutorService scheduler) {
        this.context = context;
        this.overrides = new LevelOverrides(clock);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The daemon's own log4j context. */
    public static LogLevels forThisProcess(Clock clock, ScheduledExecutorService scheduler) {
        return new LogLevels(LoggerContext.getContext(false), clock, scheduler);
    }

    /** Hands the table to the configuration's LevelOverrideFilter, adding one if the configuration has none. */
    public synchronized LogLevels attach() {
        Configuration configuration = context.getConfiguration();
        attachedTo = configuration;
        filter = find(configuration.getFilter());
        filterAddedHere = filter == null;
        if (filterAddedHere) {
            filter = LevelOverrideFilter.createFilter();
            filter.start();
            configuration.addFilter(filter);
        }
        filter.use(overrides);
        context.addPropertyChangeListener(reconfigured);
        return this;
    }

    private static LevelOverrideFilter find(Filter filter) {
        if (filter instanceof LevelOverrideFilter found) {
            return found;
        }
        if (filter instanceof CompositeFilter composite) {
            for (Filter each : composite.getFiltersArray()) {
                if (each instanceof LevelOverrideFilter found) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Applies a {@code loglevel} request; returns what now holds, in words. */
    public synchronized String apply(LogLevelRequest request) {
        String key = request.subject();
        cancelRevert(key);
        if (request.level() == null) {
            return reset(request);
        }
        Instant until = request.revertAfter() == null ? null : clock.instant().plus(request.revertAfter());
        if (request.target() == Target.DAEMON || request.target() == Target.LOGGER) {
            setLogger(request.name(), request.level());
        } else {
            overrides.set(scope(request), request.name(), request.level(), until);
        }
        if (until != null) {
            reverts.put(key, scheduler.schedule(() -> revert(request), request.revertAfter().toMillis(),
                    TimeUnit.MILLISECONDS));
        }
        String result = key + " at " + request.level() + (until == null ? "" : " until " + until);
        LOG.info("log level set over the control port: {}", result);
        return result;
    }

    private synchronized void revert(LogLevelRequest request) {
        reverts.remove(request.subject());
        LOG.info("log level of {} reverted after {}: {}", request.subject(), request.revertAfter(), reset(request));
    }

    private String reset(LogLevelRequest request) {
        if (request.target() == Target.DAEMON || request.target() == Target.LOGGER) {
            Optional<Level> before = changedLoggers.remove(request.name());
            if (before == null) {
                return "logger " + request.name() + " was not changed here";
            }
            restoreLogger(request.name(), before);
            return "logger " + request.name() + " back to " + before.map(Level::name).orElse("its parent's level");
        }
        return overrides.clear(scope(request), request.name()).isPresent()
                ? request.subject() + " back to its loggers' levels" : request.subject() + " had no level set";
    }

    private void setLogger(String name, Level level) {
        if (!changedLoggers.containsKey(name)) {
            LoggerConfig own = context.getConfiguration().getLoggers().get(name);
            changedLoggers.put(name, Optional.ofNullable(own).map(LoggerConfig::getLevel));
        }
        setLevel(name, level);
    }

    /** As log4j's Configurator does it, in this context: a logger without its own configuration gets one. */
    private void setLevel(String name, Level level) {
        Configuration configuration = context.getConfiguration();
        LoggerConfig own = configuration.getLoggers().get(name);
        if (own == null) {
            configuration.addLogger(name, LoggerConfig.newBuilder().setLoggerName(name).setLevel(level)
                    .setAdditivity(true).setConfig(configuration).build());
        } else {
            own.setLevel(level);
        }
        context.updateLoggers();
    }

    private void restoreLogger(String name, Optional<Level> before) {
        if (before.isPresent()) {
            setLevel(name, before.get());
        } else {
            // Configurator made a logger configuration for it; without it the logger follows its parent again.
            context.getConfiguration().removeLogger(name);
            context.updateLoggers();
        }
    }

    private void cancelRevert(String key) {
        ScheduledFuture<?> pending = reverts.remove(key);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private static Scope scope(LogLevelRequest request) {
        return request.target() == Target.PARTNER ? Scope.PARTNER : Scope.SESSION;
    }

    /** What the control port set and still holds, one line each, for {@code status}. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        changedLoggers.keySet().stream().sorted().forEach(name -> lines.add("logger " + name + " "
                + context.getConfiguration().getLoggerConfig(name).getLevel()));
        overrides.entries().forEach(entry -> lines.add(entry.toString()));
        return lines;
    }

    /** The partner and session levels, for tests. */
    LevelOverrides overrides() {
        return overrides;
    }

    /** log4j read its configuration again: its loggers' levels rule, the new filter gets the table. */
    private synchronized void reconfigured(PropertyChangeEvent event) {
        // updateLoggers() announces the same configuration again: only a new one counts.
        if (!LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) || event.getNewValue() == attachedTo) {
            return;
        }
        for (Iterator<String> keys = reverts.keySet().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith("logger ")) {
                reverts.get(key).cancel(false);
                keys.remove();
            }
        }
        changedLoggers.clear();
        context.removePropertyChangeListener(reconfigured);
        attach();
    }

    /** Cancels pending reverts, restores the loggers changed here and detaches the table. */
    @Override
    public synchronized void close() {
        reverts.values().forEach(pending -> pending.cancel(false));
        reverts.clear();
        changedLoggers.forEach(this::restoreLogger);
        changedLoggers.clear();
        context.removePropertyChangeListener(reconfigured);
        if (filter != null) {
            filter.use(null);
            if (filterAddedHere) {
                context.getConfiguration().removeFilter(filter);
            }
            filter = null;
        }
    }
}
