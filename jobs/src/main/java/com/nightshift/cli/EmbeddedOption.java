package com.nightshift.cli;

import picocli.CommandLine.Option;

/** {@code --embedded}, for the commands that talk to servers. */
final class EmbeddedOption {

    @Option(names = "--embedded", description = "Start an embedded PostgreSQL, Redis or SMTP server for each one "
            + "that is not configured (as NIGHTSHIFT_EMBEDDED_ENABLED=true does); without it, a missing setting is an error.")
    boolean asked;
}
