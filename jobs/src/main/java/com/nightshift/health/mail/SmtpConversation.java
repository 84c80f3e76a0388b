package com.nightshift.health.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The few SMTP exchanges that show a server is there and answering: its greeting, EHLO, NOOP and QUIT, each
 * answer awaited at most the timeout; the socket is closed on every path. Sends no mail and no credentials.
 */
final class SmtpConversation {

    private final String host;
    private final int port;
    private final boolean implicitTls;
    private final Duration timeout;

    SmtpConversation(String host, int port, boolean implicitTls, Duration timeout) {
        this.host = host;
        this.port = port;
        this.implicitTls = implicitTls;
        this.timeout = timeout;
    }

    /** @throws IOException when the server cannot be reached, is silent past the timeout or answers an error */
    void hold() throws IOException {
        SocketFactory sockets = implicitTls ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = sockets.createSocket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220", "its greeting");
            send(out, "EHLO nightshift-health");
            expect(in, "250", "EHLO");
            send(out, "NOOP");
            expect(in, "250", "NOOP");
            send(out, "QUIT");
            expect(in, "221", "QUIT");
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads a whole reply (the lines of a multi-line one are {@code 250-...}, its last {@code 250 ...}). */
    private static void expect(BufferedReader in, String code, String what) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection instead of answering " + what);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("the server answered " + what + " with '" + line + "'");
        }
    }
}
