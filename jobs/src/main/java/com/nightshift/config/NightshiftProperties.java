package com.nightshift.config;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the engine keeps what it produces, and where the chain is.
 *
 * @param dataDir the working directory: embedded database files, received mail, report files and logs
 * @param zone    the chain's time zone, which decides what "yesterday" is (see {@link BusinessCalendar})
 */
@ConfigurationProperties("nightshift")
public record NightshiftProperties(@DefaultValue("nightshift-data") Path dataDir,
                                   @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path reportsDir() {
        return dataDir.resolve("reports");
    }

    /** Report templates as compiled, kept so that each template is compiled once per version, not per process. */
    public Path compiledTemplatesDir() {
        return dataDir.resolve("compiled-templates");
    }
}
