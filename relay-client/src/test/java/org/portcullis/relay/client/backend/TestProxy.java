package org.portcullis.relay.client.backend;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.littleshoot.proxy.ActivityTrackerAdapter;
import org.littleshoot.proxy.FlowContext;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.littleshoot.proxy.impl.ThreadPoolConfiguration;

/** A real HTTP CONNECT proxy on 127.0.0.1:0 (LittleProxy) that counts the CONNECT requests it was sent. */
final class TestProxy implements AutoCloseable {
    private final HttpProxyServer server;
    private final AtomicInteger connects = new AtomicInteger();

    TestProxy() {
        server = DefaultHttpProxyServer.bootstrap()
                .withName("relay-client-test-proxy")
                .withAddress(new InetSocketAddress("127.0.0.1", 0))
                .withThreadPoolConfiguration(new ThreadPoolConfiguration().withAcceptorThreads(1)
                        .withClientToProxyWorkerThreads(1).withProxyToServerWorkerThreads(1))
                .plusActivityTracker(new ActivityTrackerAdapter() {
                    @Override
                    public void requestReceivedFromClient(FlowContext flowContext, HttpRequest request) {
                        if (request.method().equals(HttpMethod.CONNECT)) {
                            connects.incrementAndGet();
                        }
                    }
                })
                .start();
    }

    /** {@code --proxy} for it. */
    String url() {
        return "http://127.0.0.1:" + server.getListenAddress().getPort();
    }

    int connects() {
        return connects.get();
    }

    @Override
    public void close() {
        server.abort();
    }
}
