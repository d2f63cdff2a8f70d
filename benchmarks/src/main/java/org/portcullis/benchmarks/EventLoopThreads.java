package org.portcullis.benchmarks;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's benchmark threads made like the event loop threads a relay decodes on: Netty
 * {@code FastThreadLocalThread}s, where Netty's per-thread caches (decoder output lists, recycled
 * objects) take their fast path. On a plain thread they take a slower fallback that no relay runs.
 * JMH builds it when told {@code -Djmh.executor=CUSTOM -Djmh.executor.class=} this class.
 */
public final class EventLoopThreads extends ThreadPoolExecutor {
    public EventLoopThreads(int threads, String prefix) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory(prefix, true));
    }
}
