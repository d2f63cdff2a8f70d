package org.portcullis.testkit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether something listens on a port, asked the way a caller would: by connecting. */
public final class Listening {
    private Listening() {
    }

    /**
     * True when a connection to {@code address} is refused (nothing listens there any more); false when it is
     * accepted or fails otherwise (a timeout says nothing about whether the port is closed).
     */
    public static boolean refuses(InetSocketAddress address, Duration connectTimeout) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) connectTimeout.toMillis());
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
