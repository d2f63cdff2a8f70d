package org.portcullis.relay.client.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on 127.0.0.1:0 in front of the backend, so its address survives a restart of the service and
 * what crosses it can be counted: connections accepted and octets each way (TLS records included). With nobody
 * listening behind it, a connection is closed at once: to a client the backend is down.
 */
final class TcpFront implements AutoCloseable {
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong octetsIn = new AtomicLong();
    private final AtomicLong octetsOut = new AtomicLong();
    private volatile InetSocketAddress target;

    TcpFront(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Forwards new connections to another address (the restarted backend). */
    void forwardTo(InetSocketAddress newTarget) {
        target = newTarget;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    /** Octets from the client to the backend so far. */
    long octetsIn() {
        return octetsIn.get();
    }

    /** Octets from the backend to the client so far. */
    long octetsOut() {
        return octetsOut.get();
    }

    /** Cuts every connection it carries. */
    void cutAll() {
        sockets.forEach(TcpFront::closeQuietly);
    }

    @Override
    public void close() {
        closeQuietly(listener);
        cutAll();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Socket backend = new Socket();
                try {
                    backend.connect(target, 2000);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                sockets.add(backend);
                pump(client, backend, octetsIn);
                pump(backend, client, octetsOut);
            } catch (IOException e) {
                // The listener closed: done.
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    counter.addAndGet(read);
                }
            } catch (IOException e) {
                // One side went away: both are closed below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-front-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing is all that was asked.
        }
    }
}
