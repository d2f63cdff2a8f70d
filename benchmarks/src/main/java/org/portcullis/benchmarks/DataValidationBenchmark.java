package org.portcullis.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;
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
import org.portcullis.oftp2.command.SubrecordWriter;
import org.portcullis.oftp2.frame.OftpCommandDecoder;
import org.portcullis.oftp2.frame.StbFrameDecoder;

/**
 * What a relay spends per octet of a file transfer (RFC 5024 §7, §8.2) against what TLS spends: the
 * same framed DATA stream is (1) framed and parsed, each Data checking its subrecords, and (2) sealed
 * with AES-128-GCM in TLS-record-sized chunks. One thread, made like an event loop thread
 * ({@link EventLoopThreads}); the {@code octets} counter gives bytes per second, and divided by the
 * {@code cpuNanos} counter bytes per CPU-second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
    "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
    "-Djmh.executor=CUSTOM", "-Djmh.executor.class=org.portcullis.benchmarks.EventLoopThreads"})
public class DataValidationBenchmark {
    private static final int FILE_OCTETS = 4 << 20;
    /**
     * The largest TLS record plaintext (RFC 8446 §5.1): the chunks SslHandler passes to the frame
     * decoder, and the chunks AES-GCM seals.
     */
    private static final int TLS_RECORD = 16 * 1024;
    private static final int GCM_TAG_BITS = 128;

    /** The octets both sides process: a 4 MiB file framed as DATA buffers of the negotiated size. */
    @State(Scope.Thread)
    public static class Stream {
        /** The negotiated SDEB: the RFC's largest and a common default. */
        @Param({"99999", "4096"})
        public int bufferSize;

        byte[] octets;

        @Setup(Level.Trial)
        public void frame() {
            octets = DataStream.framed(FILE_OCTETS, bufferSize, 5024);
        }

        int dataBuffers() {
            int capacity = SubrecordWriter.capacity(bufferSize);
            return (FILE_OCTETS + capacity - 1) / capacity;
        }
    }

    /** The relay's side: the stream in TLS records through {@code stbFrame} and {@code oftpCodec}. */
    @State(Scope.Thread)
    public static class Relay {
        /**
         * How the frame decoder gathers a frame that spans reads: as StbFrameDecoder is built
         * ({@code decoder-default}, the composite cumulator, which does not copy), or with Netty's merge
         * cumulator, which copies into one growing buffer. The script measures the default;
         * {@code -p cumulator=decoder-default,merge} compares the two.
         */
        @Param({"decoder-default", "merge"})
        public String cumulator;

        /**
         * Where the decrypted TLS records lie: in heap buffers (as SslHandler hands on what the JDK's
         * SSLEngine decrypts) or in direct buffers (as it does with OpenSSL, the partner side's default
         * provider), both from Netty's default allocator, which the relay's channels use.
         */
        @Param({"heap", "direct"})
        public String memory;

        ByteBuf[] records;
        boolean readOnly;
        int octets;
        EmbeddedChannel channel;

        @Setup(Level.Trial)
        public void setUp(Stream stream) {
            records = records(stream.octets, memory.equals("direct"));
            octets = stream.octets.length;
            StbFrameDecoder frameDecoder = new StbFrameDecoder();
            if (cumulator.equals("merge")) {
                frameDecoder.setCumulator(ByteToMessageDecoder.MERGE_CUMULATOR);
                // The merge cumulator writes into the read it gathers in, which here is a record every
                // pass reuses: it gets read-only views, which it copies instead.
                readOnly = true;
            } else if (!cumulator.equals("decoder-default")) {
                throw new IllegalArgumentException("unknown cumulator " + cumulator);
            }
            channel = new EmbeddedChannel(frameDecoder,
                    new OftpCommandDecoder(new CommandParser(ParseMode.STRICT)));
            // A decoder that failed would discard the rest of the stream, and measure nothing.
            int decoded = decode(new Work());
            if (decoded != stream.dataBuffers()) {
                throw new IllegalStateException(decoded + " DATA decoded, " + stream.dataBuffers() + " sent");
            }
        }

        /** The stream cut into TLS records, in buffers as SslHandler passes them on. */
        private static ByteBuf[] records(byte[] stream, boolean direct) {
            ByteBuf[] records = new ByteBuf[(stream.length + TLS_RECORD - 1) / TLS_RECORD];
            for (int i = 0; i < records.length; i++) {
                int offset = i * TLS_RECORD;
                int length = Math.min(TLS_RECORD, stream.length - offset);
                records[i] = (direct ? ByteBufAllocator.DEFAULT.directBuffer(length)
                        : ByteBufAllocator.DEFAULT.heapBuffer(length)).writeBytes(stream, offset, length);
            }
            return records;
        }

        /** Passes the stream through the decoders; returns how many DATA came out. */
        int decode(Work work) {
            int dataBuffers = 0;
            for (ByteBuf record : records) {
                // Each read hands the decoder a buffer of its own, which the decoder releases.
                ByteBuf read = record.retainedDuplicate();
                channel.writeInbound(readOnly ? read.asReadOnly() : read);
                for (Object command; (command = channel.readInbound()) != null; ) {
                    if (command instanceof Data) {
                        dataBuffers++;
                    }
                    ReferenceCountUtil.release(command);
                }
            }
            work.octets += octets;
            return dataBuffers;
        }

        @TearDown(Level.Trial)
        public void tearDown(Stream stream) {
            channel.finishAndReleaseAll();
            // Every pass read the same octets only if no decoder wrote into the records it was handed.
            ByteBuf[] original = records(stream.octets, false);
            int changed = -1;
            for (int i = 0; i < records.length; i++) {
                if (changed < 0 && !ByteBufUtil.equals(records[i], original[i])) {
                    changed = i;
                }
                records[i].release();
                original[i].release();
            }
            if (changed >= 0) {
                throw new IllegalStateException("the decoders changed TLS record " + changed);
            }
        }
    }

    /** The TLS side: the JDK's AES-128-GCM, sealing 16 KiB records. */
    @State(Scope.Thread)
    public static class Tls {
        Cipher cipher;
        SecretKeySpec key;
        final byte[] nonce = new byte[12];
        long sequence;
        byte[] sealed;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] keyOctets = new byte[16];
            new SecureRandom().nextBytes(keyOctets);
            key = new SecretKeySpec(keyOctets, "AES");
            sealed = new byte[TLS_RECORD + GCM_TAG_BITS / 8];
        }
    }

    /**
     * What the benchmark thread got done in an iteration: the octets it processed and the CPU time the
     * whole JVM spent meanwhile (garbage collection included). JMH reports both per wall-clock second;
     * their quotient, octets per CPU-second, is what one core achieves however busy the rest of the
     * machine is, while octets per wall-clock second drop whenever other processes take the core.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        public long octets;
        public long cpuNanos;
        private long cpuAtStart;

        @Setup(Level.Iteration)
        public void start() {
            octets = 0;
            cpuNanos = 0;
            // Process CPU time ticks in 10 ms steps on Linux: taken per iteration, not per call.
            cpuAtStart = OS.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = OS.getProcessCpuTime() - cpuAtStart;
        }
    }

    @Benchmark
    public int decodeAndValidate(Relay relay, Work work) {
        return relay.decode(work);
    }

    @Benchmark
    public int encryptAesGcm(Stream stream, Tls tls, Work work) throws GeneralSecurityException {
        byte[] octets = stream.octets;
        int sealedOctets = 0;
        for (int offset = 0; offset < octets.length; offset += TLS_RECORD) {
            // A fresh nonce per record, as TLS 1.3 derives it from the record sequence number.
            long next = ++tls.sequence;
            for (int i = 0; i < Long.BYTES; i++) {
                tls.nonce[tls.nonce.length - 1 - i] = (byte) (next >>> (8 * i));
            }
            tls.cipher.init(Cipher.ENCRYPT_MODE, tls.key, new GCMParameterSpec(GCM_TAG_BITS, tls.nonce));
            sealedOctets += tls.cipher.doFinal(octets, offset, Math.min(TLS_RECORD, octets.length - offset),
                    tls.sealed, 0);
        }
        work.octets += octets.length;
        return sealedOctets;
    }
}
