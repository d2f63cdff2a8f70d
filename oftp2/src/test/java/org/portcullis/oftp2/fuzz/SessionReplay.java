package org.portcullis.oftp2.fuzz;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.portcullis.oftp2.OftpProtocolException;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.OftpCommand;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;
import org.portcullis.testkit.TrackingByteBufAllocator;

/**
 * Replays one {@link FuzzInput} the way a relay reads a TCP stream (RFC 5024 §8.2, §5.3, §9): the
 * octets arrive in reads of the chosen size, are framed and parsed in an {@link EmbeddedChannel}, and
 * each command is checked for the round trip, framed again by the encoder and shown to the session
 * rules. The first protocol fault
 * ends the session, as it does on the wire. Every other exception, and every broken invariant,
 * escapes as a finding.
 */
final class SessionReplay {
    private static final Method ACTUAL_READABLE_BYTES = actualReadableBytes();

    private final FuzzInput input;
    private final CommandObserver rules;
    private final TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
    private final CommandRoundTrip roundTrip;
    private final EncoderCheck encoder;
    private final EmbeddedChannel channel;
    private final StbFrameDecoder frameDecoder;
    private int commands;
    private OftpProtocolException fault;

    SessionReplay(FuzzInput input, CommandObserver rules) {
        this.input = input;
        this.rules = rules;
        CommandParser parser = new CommandParser(input.mode());
        this.roundTrip = new CommandRoundTrip(parser, allocator);
        this.encoder = new EncoderCheck(allocator);
        this.frameDecoder = new StbFrameDecoder(input.maxFrameLength());
        this.channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast("stbFrame", frameDecoder).addLast("oftpCodec", new OftpCommandDecoder(parser));
    }

    /** What a replay came to: how many commands were read, and the fault that ended it, if any. */
    record Outcome(int commands, OftpProtocolException fault) {
    }

    Outcome run() {
        try {
            feed();
        } finally {
            finish();
        }
        int unreleased = allocator.unreleased();
        if (unreleased != 0) {
            throw new AssertionError(unreleased + " buffers were not released");
        }
        return new Outcome(commands, fault);
    }

    private void feed() {
        byte[] stream = input.stream();
        for (int offset = 0; offset < stream.length && fault == null; offset += input.readSize()) {
            int length = Math.min(input.readSize(), stream.length - offset);
            int from = offset;
            deliver(() -> channel.writeInbound(allocator.copyOf(stream, from, length)));
            int buffered = bufferedOctets();
            if (buffered >= input.maxFrameLength()) {
                throw new AssertionError("the frame decoder holds " + buffered + " octets, its limit is "
                        + input.maxFrameLength());
            }
        }
    }

    /** Lets the channel act, then takes what it decoded before any fault, as a relay would forward it. */
    private void deliver(Supplier<Boolean> action) {
        OftpProtocolException raised = null;
        try {
            action.get();
        } catch (RuntimeException e) {
            raised = protocolFault(e);
        }
        drainInbound();
        if (raised != null && fault == null) {
            fault = raised;
        }
    }

    private void drainInbound() {
        for (Object message; (message = channel.readInbound()) != null; ) {
            try {
                if (!(message instanceof OftpCommand command)) {
                    throw new AssertionError("the codec passed on " + message.getClass().getName());
                }
                if (fault == null) {
                    observe(command);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
    }

    private void observe(OftpCommand command) {
        roundTrip.check(command);
        encoder.check(command);
        boolean fromResponder = input.sentByResponder(commands++);
        try {
            rules.observe(fromResponder, command);
        } catch (OftpProtocolException e) {
            fault = e;
        }
    }

    private void finish() {
        deliver(channel::finish);
        channel.releaseInbound();
        channel.releaseOutbound();
        encoder.finish();
    }

    /** The protocol fault in {@code e}, or {@code e} itself rethrown when it is anything else. */
    private static OftpProtocolException protocolFault(RuntimeException e) {
        Throwable cause = e instanceof DecoderException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof OftpProtocolException protocolFault) {
            if (protocolFault.reason() == null) {
                throw new AssertionError("a protocol fault without an ESID reason", protocolFault);
            }
            return protocolFault;
        }
        throw e;
    }

    private int bufferedOctets() {
        try {
            return (int) ACTUAL_READABLE_BYTES.invoke(frameDecoder);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the frame decoder's cumulation", e);
        }
    }

    private static Method actualReadableBytes() {
        try {
            // Protected in Netty: the octets a ByteToMessageDecoder holds but has not yet passed on.
            Method method = ByteToMessageDecoder.class.getDeclaredMethod("actualReadableBytes");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
