package org.portcullis.oftp2.peer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP forwarder for one connection that cuts it (closes both sides) once a given number of
 * octets went from the caller to the target: a network failure in the middle of a transfer.
 */
final class CuttingForwarder implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final long cutAfter;
    private final AtomicLong forwarded = new AtomicLong();
    private volatile Socket inbound;
    private volatile Socket outbound;

    CuttingForwarder(InetSocketAddress target, long cutAfter) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.target = target;
        this.cutAfter = cutAfter;
        Thread acceptor = new Thread(this::acceptOne, "cutting-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
    }

    private void acceptOne() {
        try {
            inbound = listener.accept();
            outbound = new Socket(target.getAddress(), target.getPort());
            Thread back = new Thread(() -> pump(outbound, inbound, Long.MAX_VALUE), "cutting-forwarder-back");
            back.setDaemon(true);
            back.start();
            pump(inbound, outbound, cutAfter);
        } catch (IOException e) {
            // The cut itself ends the copying threads with exceptions; nothing else to do.
        } finally {
            close();
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (forwarded.get() < limit) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, limit - forwarded.get())));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                if (limit != Long.MAX_VALUE) {
                    forwarded.addAndGet(read);
                }
            }
        } catch (IOException e) {
            // The other direction closed the sockets.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        closeQuietly(inbound);
        closeQuietly(outbound);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a socket twice or after a reset is expected here.
        }
    }
}
