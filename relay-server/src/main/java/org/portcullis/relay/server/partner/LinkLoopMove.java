package org.portcullis.relay.server.partner;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.function.Consumer;
import org.portcullis.relay.server.session.IdleTimer;

/**
 * Moves an admitted partner's connection onto the event loop of the link its session goes through. Partners are
 * accepted, shaken hands with and checked on every event loop, so a flood of handshakes never holds up relaying;
 * once admitted, a session's octets go between its connection and the link, and on two threads each of them (and
 * each reply) would wake the other thread: on a busy host a wait for a core, up to milliseconds of every command's
 * round trip (docs/performance.md). The link's TLS is one thread's work in any case.
 *
 * <p>The idle timer is the one handler that schedules on its loop while the session relays: it is removed before
 * the move and added again after it, so no timer is left behind on the old loop. Nothing is read from the partner
 * meanwhile (auto-read is off and the {@code ssidAuth} step reads nothing more once the SSID is here), and the
 * stream keeps what relay-client sends until the relay handler takes it.
 */
final class LinkLoopMove {
    private LinkLoopMove() {
    }

    /**
     * Runs {@code then} on the link's loop with the connection registered there (at once when it already is);
     * {@code failed} with the cause, on either loop, when the connection could not be moved.
     *
     * @param idle the session's idle timeout, for the idle timer added back
     */
    static void move(Channel channel, EventLoop linkLoop, Duration idle, Runnable then, Consumer<Throwable> failed) {
        if (channel.eventLoop() == linkLoop) {
            then.run();
            return;
        }
        channel.pipeline().remove(IdleTimer.NAME);
        channel.deregister().addListener(deregistered -> {
            if (!deregistered.isSuccess()) {
                failed.accept(deregistered.cause());
                return;
            }
            linkLoop.register(channel).addListener(registered -> {
                if (!registered.isSuccess()) {
                    failed.accept(registered.cause());
                    return;
                }
                channel.pipeline().addFirst(IdleTimer.NAME, IdleTimer.of(idle));
                then.run();
            });
        });
    }
}
