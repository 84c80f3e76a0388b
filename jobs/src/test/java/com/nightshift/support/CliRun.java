package com.nightshift.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.nightshift.cli.NightshiftCli;

/** One in-process run of the command line, with what it printed and its exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = NightshiftCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command line against the test servers' shared database. */
    public static CliRun onTestServers(String... args) {
        return onDatabase(TestServers.get().jdbcUrl(), args);
    }

    public static CliRun onDatabase(String jdbcUrl, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(TestServers.get().engineArguments(jdbcUrl));
        return of(all.toArray(String[]::new));
    }

    public List<String> errLines() {
        return err.lines().toList();
    }
}
