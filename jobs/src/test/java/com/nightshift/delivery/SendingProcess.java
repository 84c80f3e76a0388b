package com.nightshift.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A sender in a process of its own, as a second engine or a job that gets killed would be: {@code send} of one key,
 * then its counts on standard output.
 */
final class SendingProcess {

    private SendingProcess() {
    }

    /** Arguments: JDBC URL (naming its user), SMTP port, delivery key. */
    public static void main(String[] arguments) {
        DataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(), arguments[0]);
        DeliveryFixture fixture = new DeliveryFixture(database, database, Path.of("."));
        DeliveryCounts counts = fixture.deliveries(Integer.parseInt(arguments[1]))
                .send(List.of(arguments[2]), ProcessHandle.current().pid());
        System.out.println(counts);
    }

    /** Starts one with this JVM's classpath; its output goes to {@code log}. */
    static Process start(String jdbcUrl, int smtpPort, String key, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SendingProcess.class.getName()));
        command.addAll(List.of(jdbcUrl, String.valueOf(smtpPort), key));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Kills it as {@code kill -9} does: no shutdown hook, no finally block, no last word to the database. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
