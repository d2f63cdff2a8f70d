package org.portcullis.daemon.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends one request to a daemon's control port and reads the answer: the ctl front end's and the tests' side. */
public final class ControlClient {
    /** The longest answer read: metrics and a status with many sessions fit easily. */
    static final int MAX_ANSWER = 4 * 1024 * 1024;

    private ControlClient() {
    }

    /**
     * @param command the command line, e.g. {@code loglevel DEBUG --partner O0013000000PARTNER}
     * @throws IOException when the daemon cannot be reached, or closes the connection without an answer (a wrong
     *                     secret or a refused address get no answer)
     */
    public static ControlResponse send(ControlAddress address, String secret, String command, Duration timeout)
            throws IOException {
        if (secret.contains("\n") || command.contains("\n")) {
            throw new IllegalArgumentException("the secret and the command are one line each");
        }
        try (Socket socket = new Socket()) {
            socket.connect(address.socketAddress(), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((secret + "\n" + command + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = readAll(socket.getInputStream());
            if (answer.isEmpty()) {
                throw new IOException("the daemon at " + address + " closed the connection "
                        + "without an answer (wrong secret?)");
            }
            try {
                return ControlResponse.parse(answer);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        byte[] answer = in.readNBytes(MAX_ANSWER);
        return new String(answer, StandardCharsets.UTF_8);
    }
}
