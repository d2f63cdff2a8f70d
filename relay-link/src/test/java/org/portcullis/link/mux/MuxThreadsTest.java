package org.portcullis.link.mux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.portcullis.link.Link;
import org.portcullis.link.LinkSettings;
import org.portcullis.link.LinkStream;
import org.portcullis.link.StreamKind;
import org.portcullis.link.StreamOpen;
import org.portcullis.testkit.Await;
import org.portcullis.testkit.TestPki;

/**
 * The multiplexer on two in-JVM channels with an event loop each, so that a stream's owner can write from a thread
 * other than the link's, as the relays' partner connections do: what is written stays in the order of the calls.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MuxThreadsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final LinkSettings SETTINGS = new LinkSettings(Duration.ofSeconds(5), Duration.ofSeconds(15),
            LinkSettings.MIN_WINDOW * 2, 4, Duration.ofSeconds(10));
    private static X509Certificate certificate;
    private final RecordingListener clientEvents = new RecordingListener();
    private final RecordingListener serverEvents = new RecordingListener();
    private EventLoopGroup group;
    private Channel serverChannel;
    private Channel client;

    @BeforeAll
    static void makeCertificate() {
        try (TestPki pki = TestPki.create()) {
            certificate = pki.client("link-client").certificate();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory());
        LocalAddress address = new LocalAddress(MuxThreadsTest.class);
        serverChannel = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(side(LinkRole.SERVER, serverEvents)).bind(address).sync().channel();
        client = new Bootstrap().group(group).channel(LocalChannel.class)
                .handler(side(LinkRole.CLIENT, clientEvents)).connect(address).sync().channel();
        Await.until(() -> !clientEvents.up.isEmpty() && !serverEvents.up.isEmpty(), WAIT, "link up");
    }

    private static ChannelInitializer<Channel> side(LinkRole role, RecordingListener events) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(MuxPair.handlers(role, SETTINGS, events, certificate));
            }
        };
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close().syncUninterruptibly();
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void keepsTheOrderOfWritesFromAnotherThreadAndFromTheLinksEventLoop() throws Exception {
        LinkStream stream = openStream();
        writeHereThenOnTheLinksLoop(stream, () -> stream.write(Unpooled.wrappedBuffer(new byte[] {2})));

        Await.until(() -> serverEvents.receivedOctets(stream.id()) == 2, WAIT, "both octets at the server");
        assertArrayEquals(new byte[] {1, 2}, serverEvents.receivedBytes(stream.id()));
    }

    @Test
    void sendsFinAfterWhatAnotherThreadWroteBeforeTheClose() throws Exception {
        LinkStream stream = openStream();
        writeHereThenOnTheLinksLoop(stream, stream::close);

        Await.until(() -> !serverEvents.closedOf(stream.id()).isEmpty(), WAIT, "the stream closed at the server");
        assertEquals(List.of(new RecordingListener.Closed(stream.id(), false, "closed")),
                serverEvents.closedOf(stream.id()));
        assertArrayEquals(new byte[] {1}, serverEvents.receivedBytes(stream.id()));
    }

    private LinkStream openStream() throws Exception {
        Link link = clientEvents.up.get(0);
        LinkStream stream = link.openStream(new StreamOpen(StreamKind.INCOMING, "s-1", "O0013000000ACME", null,
                "192.0.2.7:6619")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        stream.setListener(clientEvents);
        return stream;
    }

    /**
     * Writes octet 1 from this thread while the link's event loop is held, so its hop to the loop is pending; the
     * loop then runs {@code onTheLoop}, which the multiplexer executes at once, being on its loop.
     */
    private void writeHereThenOnTheLinksLoop(LinkStream stream, Runnable onTheLoop) throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        CompletableFuture<Void> ran = new CompletableFuture<>();
        client.eventLoop().execute(() -> {
            try {
                if (firstWritten.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    onTheLoop.run();
                    ran.complete(null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ran.completeExceptionally(new IllegalStateException("the link's loop did not run the second call"));
            }
        });
        stream.write(Unpooled.wrappedBuffer(new byte[] {1}));
        firstWritten.countDown();
        ran.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
