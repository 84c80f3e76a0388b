package com.nightshift.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine.Command;

@Command(name = "hash-password", description = "Print the {bcrypt} hash of a password, for a user of "
        + "nightshift.security.users. The password is read from the terminal without echo, or from the first line "
        + "of standard input; it is never an argument, which would leave it in the shell's history.")
final class HashPasswordCommand implements Callable<Integer> {

    private final CliSession session;

    HashPasswordCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() throws IOException {
        String password = read();
        if (password == null || password.isEmpty()) {
            session.err().println("nightshift: no password given (type it, or pipe it on the first line)");
            return ExitCodes.USAGE;
        }
        session.out().println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return ExitCodes.OK;
    }

    private static String read() throws IOException {
        Console console = System.console();
        // Java 17 has a console only when both standard input and output are a terminal
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        // not closed: it is the process's standard input, which other code of this JVM may still read
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
