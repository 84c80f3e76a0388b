package com.nightshift;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application behind every command. Started by {@link com.nightshift.cli.NightshiftCli},
 * never on its own, so that the command decides whether a web server and the schedules run. Liquibase is run
 * by {@link com.nightshift.schema.SchemaMigration}, not by Boot: most commands only check the schema.
 */
@SpringBootApplication(exclude = LiquibaseAutoConfiguration.class)
@ConfigurationPropertiesScan
public class NightshiftApplication {
}
