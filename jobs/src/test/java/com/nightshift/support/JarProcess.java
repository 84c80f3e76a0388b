package com.nightshift.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged {@code nightshift.jar} run as a separate process, the way an operator runs it. */
public final class JarProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving on port (\\d+)");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private JarProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::pump, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static JarProcess start(Path workingDirectory, String... args) throws IOException {
        return start(workingDirectory, Map.of(), args);
    }

    /** @param environment variables added to this process's own, e.g. {@link TestUsers#environment()} */
    public static JarProcess start(Path workingDirectory, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", jar()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new JarProcess(builder.start());
    }

    /** Waits for a line containing {@code text}; returns every line printed up to it. */
    public List<String> awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return List.copyOf(seen);
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line containing '" + text + "' within " + timeout + "; output:\n"
                + String.join("\n", seen));
    }

    /** Waits for {@code serve} to say it is serving; returns the HTTP port it printed. */
    public int awaitServing(Duration timeout) throws InterruptedException {
        List<String> output = awaitLine("Nightshift is serving on port ", timeout);
        String line = output.get(output.size() - 1);
        Matcher port = SERVING.matcher(line);
        if (!port.find()) {
            throw new AssertionError("no port in '" + line + "'");
        }
        return Integer.parseInt(port.group(1));
    }

    /** Waits for the process to end by itself; returns its exit code and every line it printed. */
    public Ended awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + "; output:\n"
                    + String.join("\n", seen));
        }
        reader.join(timeout.toMillis());
        lines.drainTo(seen);
        return new Ended(process.exitValue(), List.copyOf(seen));
    }

    public record Ended(int exitCode, List<String> lines) {
    }

    /** Kills the process at once, as a crash or {@code kill -9} would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Asks the process to stop (SIGTERM, as an orchestrator or {@code kill} does), and returns its exit code.
     * Through its handle: {@code Process.destroy()} would also close our end of its output, and lose what it
     * prints while stopping.
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not stop within " + timeout);
        }
        return process.exitValue();
    }

    private void pump() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private static String jar() {
        String jar = System.getProperty("nightshift.jar");
        if (jar == null) {
            throw new IllegalStateException("system property nightshift.jar is not set: run through Maven's verify");
        }
        return jar;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
