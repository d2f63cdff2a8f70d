package org.portcullis.daemon.control;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

/**
 * Applies the log level set for one partner or one session over the control port: a line whose first parameter
 * is a {@link SessionTag} of a partner or session with a level set is logged if its level is enabled at that
 * level (ACCEPT, even below its logger's level) and dropped otherwise (DENY); every other line is left to its
 * logger's level (NEUTRAL).
 *
 * <p>It must be a context-wide filter, a direct child of {@code <Configuration>} in log4j2.xml
 * ({@code <LevelOverrideFilter/>}), since only those are asked before the logger's level. A daemon without it
 * in its configuration gets one added at start. Cost while no level is set: one volatile read per log call.
 */
@Plugin(name = "LevelOverrideFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class LevelOverrideFilter extends AbstractFilter {
    private volatile LevelOverrides overrides;

    LevelOverrideFilter() {
        super(Result.NEUTRAL, Result.NEUTRAL);
    }

    /** Called by log4j for {@code <LevelOverrideFilter/>}. */
    @PluginFactory
    public static LevelOverrideFilter createFilter() {
        return new LevelOverrideFilter();
    }

    /** The table this filter applies from now on; {@code null} for none. */
    void use(LevelOverrides table) {
        this.overrides = table;
    }

    LevelOverrides table() {
        return overrides;
    }

    private Result decide(Level level, Object first) {
        LevelOverrides table = overrides;
        if (table == null || table.isEmpty() || !(first instanceof SessionTag tag)) {
            return Result.NEUTRAL;
        }
        Level set = table.levelFor(tag);
        if (set == null) {
            return Result.NEUTRAL;
        }
        return level.isMoreSpecificThan(set) ? Result.ACCEPT : Result.DENY;
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        return decide(level, params == null || params.length == 0 ? null : params[0]);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0) {
        return decide(level, p0);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1) {
        return decide(level, p0);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2) {
        return decide(level, p0);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3) {
        return decide(level, p0);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, String msg, Object p0, Object p1, Object p2,
            Object p3, Object p4) {
        return decide(level, p0);
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return decide(level, firstParameter(msg));
    }

    @Override
    public Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return Result.NEUTRAL;
    }

    @Override
    public Result filter(LogEvent event) {
        return decide(event.getLevel(), firstParameter(event.getMessage()));
    }

    private static Object firstParameter(Message message) {
        if (message == null) {
            return null;
        }
        Object[] parameters = message.getParameters();
        return parameters == null || parameters.length == 0 ? null : parameters[0];
    }
}
