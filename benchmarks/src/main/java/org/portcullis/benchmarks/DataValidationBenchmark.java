package org.portcullis.benchmarks;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.portcullis.oftp2.command.CommandParser;
import org.portcullis.oftp2.command.Data;
import org.portcullis.oftp2.command.ParseMode;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;

/**
 * What a relay spends per octet of a file transfer (RFC 5024 §7, §8.2) against what TLS spends: the
 * same framed DATA stream is (1) framed and parsed, each Data checking its subrecords, and (2) sealed
 * with AES-128-GCM in TLS-record-sized chunks. One thread; the {@code octets} counter gives bytes/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
    "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory"})
public class DataValidationBenchmark {
    private static final int FILE_OCTETS = 4 << 20;
    /**
     * The largest TLS record plaintext (RFC 8446 §5.1): the chunks SslHandler passes to the frame
     * decoder, and the chunks AES-GCM seals.
     */
    private static final int TLS_RECORD = 16 * 1024;
    private static final int GCM_TAG_BITS = 128;

    /** The negotiated SDEB: the RFC's largest and a common default. */
    @Param({"99999", "4096"})
    public int bufferSize;

    /**
     * How the frame decoder gathers a frame that spans reads: as StbFrameDecoder is built
     * ({@code decoder-default}), or with Netty's composite cumulator, which does not copy. The script
     * measures the default; {@code -p cumulator=decoder-default,composite} compares the two.
     */
    @Param({"decoder-default", "composite"})
    public String cumulator;

    private byte[] stream;
    private EmbeddedChannel channel;
    private Cipher cipher;
    private SecretKeySpec key;
    private final byte[] nonce = new byte[12];
    private long sequence;
    private byte[] sealed;

    /** Octets processed, reported by JMH as a rate next to the invocation rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Octets {
        public long octets;

        @Setup(Level.Iteration)
        public void reset() {
            octets = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        stream = DataStream.framed(FILE_OCTETS, bufferSize, 5024);
        StbFrameDecoder frameDecoder = new StbFrameDecoder();
        if (cumulator.equals("composite")) {
            frameDecoder.setCumulator(ByteToMessageDecoder.COMPOSITE_CUMULATOR);
        }
        channel = new EmbeddedChannel(frameDecoder, new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)));
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] keyOctets = new byte[16];
        new SecureRandom().nextBytes(keyOctets);
        key = new SecretKeySpec(keyOctets, "AES");
        sealed = new byte[TLS_RECORD + GCM_TAG_BITS / 8];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    @Benchmark
    public int decodeAndValidate(Octets octets) {
        int dataBuffers = 0;
        for (int offset = 0; offset < stream.length; offset += TLS_RECORD) {
            int length = Math.min(TLS_RECORD, stream.length - offset);
            channel.writeInbound(Unpooled.wrappedBuffer(stream, offset, length));
            for (Object command; (command = channel.readInbound()) != null; ) {
                if (command instanceof Data) {
                    dataBuffers++;
                }
                ReferenceCountUtil.release(command);
            }
        }
        octets.octets += stream.length;
        return dataBuffers;
    }

    @Benchmark
    public int encryptAesGcm(Octets octets) throws GeneralSecurityException {
        int sealedOctets = 0;
        for (int offset = 0; offset < stream.length; offset += TLS_RECORD) {
            // A fresh nonce per record, as TLS 1.3 derives it from the record sequence number.
            long next = ++sequence;
            for (int i = 0; i < Long.BYTES; i++) {
                nonce[nonce.length - 1 - i] = (byte) (next >>> (8 * i));
            }
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(GCM_TAG_BITS, nonce));
            sealedOctets += cipher.doFinal(stream, offset, Math.min(TLS_RECORD, stream.length - offset), sealed, 0);
        }
        octets.octets += stream.length;
        return sealedOctets;
    }
}
