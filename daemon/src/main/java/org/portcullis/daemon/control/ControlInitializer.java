package org.portcullis.daemon.control;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the pipeline of a control connection: {@code loopbackOnly} → {@code idle} → {@code lines} →
 * {@code text} → {@code control}.
 */
final class ControlInitializer extends ChannelInitializer<SocketChannel> {
    /** The longest request line: a command with its arguments, or the secret. */
    static final int MAX_LINE = 1024;

    private final ControlSecret secret;
    private final ControlCommands commands;
    private final Duration requestTimeout;

    ControlInitializer(ControlSecret secret, ControlCommands commands, Duration requestTimeout) {
        this.secret = secret;
        this.commands = commands;
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("loopbackOnly", new LoopbackOnlyHandler())
                .addLast("idle", new ReadTimeoutHandler(requestTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast("lines", new LineBasedFrameDecoder(MAX_LINE, true, true))
                .addLast("text", new StringDecoder(StandardCharsets.UTF_8))
                .addLast("textOut", new StringEncoder(StandardCharsets.UTF_8))
                .addLast("control", new ControlHandler(secret, commands));
    }
}
