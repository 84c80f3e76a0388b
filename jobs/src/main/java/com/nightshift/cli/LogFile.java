package com.nightshift.cli;

import java.util.List;

/** Where the engine's log file is, for pointing the operator at a stack trace. Mirrors application.yml. */
final class LogFile {

    private LogFile() {
    }

    static String of(List<String> springArguments) {
        String explicit = setting(springArguments, "logging.file.name", "LOGGING_FILE_NAME");
        if (explicit != null) {
            return explicit;
        }
        String dataDir = setting(springArguments, "nightshift.data-dir", "NIGHTSHIFT_DATA_DIR");
        return (dataDir == null ? "nightshift-data" : dataDir) + "/logs/nightshift.log";
    }

    private static String setting(List<String> springArguments, String name, String environmentVariable) {
        String prefix = "--" + name + "=";
        return springArguments.stream()
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .reduce((first, last) -> last)
                .orElse(System.getenv(environmentVariable));
    }
}
