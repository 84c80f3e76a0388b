package com.nightshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Resolves a configured port, where 0 means "any free port on this machine". */
final class FreePort {

    private FreePort() {
    }

    static int orAny(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for an embedded server", e);
        }
    }
}
