package com.nightshift.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine keeps what it produces.
 *
 * @param dataDir the working directory: embedded database files, received mail, report files and logs
 */
@ConfigurationProperties("nightshift")
public record NightshiftProperties(@DefaultValue("nightshift-data") Path dataDir) {

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path reportsDir() {
        return dataDir.resolve("reports");
    }
}
