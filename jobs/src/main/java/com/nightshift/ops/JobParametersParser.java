package com.nightshift.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Reads job parameters written as {@code key=value}, the form used on the command line, in the API and
 * in schedule definitions. Values are strings; each job's validator checks and interprets them.
 */
public final class JobParametersParser {

    private JobParametersParser() {
    }

    public static JobParameters parse(List<String> arguments) {
        return toJobParameters(toMap(arguments));
    }

    public static Map<String, String> toMap(List<String> arguments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 0) {
                throw new MalformedJobParameterException(
                        "malformed parameter '" + argument + "': expected key=value");
            }
            String key = argument.substring(0, equals).trim();
            requireWellFormedKey(key, argument);
            if (parameters.putIfAbsent(key, argument.substring(equals + 1).trim()) != null) {
                throw new MalformedJobParameterException("parameter '" + key + "' is given twice");
            }
        }
        return parameters;
    }

    /** Parameters given as names and values already (an API request's body), checked like the others. */
    public static Map<String, String> checked(Map<String, String> given) {
        Map<String, String> parameters = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            requireWellFormedKey(key, key + "=" + value);
            if (value == null) {
                throw new MalformedJobParameterException("parameter '" + key + "' has no value");
            }
            parameters.put(key, value.trim());
        });
        return parameters;
    }

    private static void requireWellFormedKey(String key, String argument) {
        if (!key.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new MalformedJobParameterException("malformed parameter '" + argument
                    + "': the key must start with a letter and hold only letters, digits, '_', '.' or '-'");
        }
    }

    public static JobParameters toJobParameters(Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach(builder::addString);
        return builder.toJobParameters();
    }
}
