package org.portcullis.backend.event;

/** Takes events in for handling (the event script, or a log line when an ignore rule matches). */
@FunctionalInterface
public interface EventReceiver {
    /** Queues the event; false if it was dropped because the queue is full. Never blocks. */
    boolean receive(Event event);
}
