package com.nightshift.cli;

import java.util.ArrayList;
import java.util.List;

import com.nightshift.health.job.HealthRequest;
import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;
import com.nightshift.maintenance.MaintenanceRequest;
import com.nightshift.ops.UnknownJobException;
import com.nightshift.reports.job.ReportRequest;
import com.nightshift.rollup.job.RollupRequest;

/**
 * The jobs the engine has, known without starting it, so that {@code run} refuses a wrong job or parameter in a
 * moment rather than after starting the engine. A test keeps this list equal to the engine's job beans.
 */
final class KnownJobs {

    static final List<JobDescription> ALL = List.of(RollupRequest.DESCRIPTION, ReportRequest.DESCRIPTION,
            HealthRequest.DESCRIPTION, MaintenanceRequest.DESCRIPTION);

    /** picocli's usage width. */
    private static final int WIDTH = 80;

    private KnownJobs() {
    }

    /** @throws UnknownJobException naming the jobs there are */
    static JobDescription named(String name) {
        return ALL.stream().filter(job -> job.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownJobException(name, ALL.stream().map(JobDescription::name).toList()));
    }

    /** The jobs and their parameters, as {@code help run} shows them below a "Jobs:" heading. */
    static String[] help() {
        List<String> lines = new ArrayList<>();
        for (JobDescription job : ALL) {
            lines.add("  " + job.name());
            lines.addAll(wrapped(job.summary(), "      "));
            for (ParameterDescription parameter : job.parameters()) {
                lines.add("    " + parameter.name() + "=" + parameter.valueForm() + "   (default: "
                        + parameter.defaultValue() + ")");
                lines.addAll(wrapped(parameter.description(), "        "));
            }
        }
        // picocli formats each line: a '%' in a description is text
        return lines.stream().map(line -> line.replace("%", "%%")).toArray(String[]::new);
    }

    /** Indented lines of at most {@value #WIDTH} columns, broken between words. */
    private static List<String> wrapped(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
