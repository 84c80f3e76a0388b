package com.nightshift.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A job as operators see it: its name, what it does, and every parameter it takes.
 *
 * @param name       the name runs are started by ({@code run NAME}, {@code POST /api/jobs/NAME/executions})
 * @param summary    what it does, in one sentence
 * @param parameters what it takes, in the order help shows them
 */
public record JobDescription(String name, String summary, List<ParameterDescription> parameters) {

    public JobDescription {
        parameters = List.copyOf(parameters);
    }

    public Optional<ParameterDescription> parameter(String parameterName) {
        return parameters.stream().filter(parameter -> parameter.name().equals(parameterName)).findFirst();
    }

    /**
     * Checks what can be checked without the engine: every name is one of this job's parameters and every value
     * has the parameter's form. Checks that need settings or the date (ranges, defaults) are the job's own.
     *
     * @throws InvalidJobParameterException naming the first parameter that is wrong
     */
    public void check(Map<String, String> given) {
        for (Map.Entry<String, String> entry : given.entrySet()) {
            ParameterDescription parameter = parameter(entry.getKey()).orElseThrow(() ->
                    new InvalidJobParameterException(entry.getKey(), "unknown " + name + " parameter '"
                            + entry.getKey() + "'; " + name + " takes " + usage()));
            parameter.problemWith(entry.getValue()).ifPresent(problem -> {
                throw new InvalidJobParameterException(parameter.name(), problem);
            });
        }
    }

    /** The parameters in one line: {@code mode=full|incremental, from=yyyy-MM-dd, to=yyyy-MM-dd}. */
    public String usage() {
        if (parameters.isEmpty()) {
            return "no parameters";
        }
        return parameters.stream().map(parameter -> parameter.name() + "=" + parameter.valueForm())
                .collect(Collectors.joining(", "));
    }
}
