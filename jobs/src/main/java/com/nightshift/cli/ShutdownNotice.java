package com.nightshift.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a command that the process was asked to stop (SIGTERM, Ctrl-C), and keeps the process alive until the
 * command has said what became of its work: without it the JVM exits as soon as the engine has closed,
 * possibly before the command's last lines are printed.
 */
final class ShutdownNotice implements AutoCloseable {

    /** Longer than the engine's own wait for its jobs; only a command that hangs is cut short. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitCommand, "nightshift-shutdown-notice");
    private volatile boolean requested;

    private ShutdownNotice() {
    }

    static ShutdownNotice install() {
        ShutdownNotice notice = new ShutdownNotice();
        Runtime.getRuntime().addShutdownHook(notice.hook);
        return notice;
    }

    boolean requested() {
        return requested;
    }

    private void awaitCommand() {
        requested = true;
        try {
            finished.await(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and has just been let go
        }
    }
}
