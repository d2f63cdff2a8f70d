package org.portcullis.relay.client.backend;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.littleshoot.proxy.ActivityTrackerAdapter;
import org.littleshoot.proxy.FlowContext;
import org.littleshoot.proxy.HttpProxyServer;
import org.littleshoot.proxy.HttpProxyServerBootstrap;
import org.littleshoot.proxy.ProxyAuthenticator;
import org.littleshoot.proxy.impl.DefaultHttpProxyServer;
import org.littleshoot.proxy.impl.ThreadPoolConfiguration;

/**
 * A real HTTP CONNECT proxy on 127.0.0.1:0 (LittleProxy) that counts the CONNECT requests it was sent; optionally
 * wanting Basic credentials (407 without them).
 */
final class TestProxy implements AutoCloseable {
    private final HttpProxyServer server;
    private final AtomicInteger connects = new AtomicInteger();

    /** A proxy that lets everyone through. */
    TestProxy() {
        this(null);
    }

    /** A proxy that wants this user with the password {@code user + "-password"}, or nobody when null. */
    TestProxy(String user) {
        HttpProxyServerBootstrap bootstrap = DefaultHttpProxyServer.bootstrap()
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
                });
        if (user != null) {
            bootstrap.withProxyAuthenticator(new ProxyAuthenticator() {
                @Override
                public boolean authenticate(String name, String password) {
                    return user.equals(name) && (user + "-password").equals(password);
                }

                @Override
                public String getRealm() {
                    return "test";
                }
            });
        }
        server = bootstrap.start();
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
