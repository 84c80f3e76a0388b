package com.nightshift.cli;

import java.util.concurrent.Callable;

import com.nightshift.schema.MigrationResult;
import com.nightshift.schema.SchemaMigration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", description = "Bring the database's schema up to date (the changelog); the other "
        + "commands only check that it is.")
final class MigrateCommand implements Callable<Integer> {

    private final CliSession session;

    @Mixin
    EmbeddedOption embedded = new EmbeddedOption();

    MigrateCommand(CliSession session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        try (Engine engine = session.startEngine(EngineMode.SCHEMA, embedded.asked)) {
            MigrationResult result = engine.bean(SchemaMigration.class).migrate();
            session.out().printf("Schema up to date: %d changesets applied%s.%n", result.appliedChangeSets(),
                    result.rebuiltIndexes().isEmpty() ? ""
                            : ", invalid indexes built again: " + String.join(", ", result.rebuiltIndexes()));
            return ExitCodes.OK;
        }
    }
}
