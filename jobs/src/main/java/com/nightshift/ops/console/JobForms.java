package com.nightshift.ops.console;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.nightshift.job.JobDescription;
import com.nightshift.job.ParameterDescription;

/**
 * The jobs and their start forms, from the descriptions the jobs publish (the same as {@code GET /api/jobs} and the
 * checks of a start), in the reader's language where the bundles have the words ({@code ops.job.NAME.*}) and in the
 * job's own English where they do not, so that a new job has a working form before anyone translates it.
 */
@Component
class JobForms {

    private final List<JobDescription> jobs;
    private final MessageSource messages;

    JobForms(List<JobDescription> jobs, MessageSource messages) {
        this.jobs = jobs.stream().sorted(Comparator.comparing(JobDescription::name)).toList();
        this.messages = messages;
    }

    /** A job as the list of jobs shows it. */
    record JobItem(String name, String summary, String usage) {
    }

    /**
     * One field of a start form.
     *
     * @param choices  the values of a select; empty for a text field
     * @param format   how a value is written (placeholder), or null for a select
     * @param value    what the reader entered (kept when the form comes back refused)
     */
    record Field(String name, String description, String defaultValue, List<String> choices, String format,
                 String value) {
    }

    List<JobItem> jobs(Locale locale) {
        return jobs.stream().map(job -> new JobItem(job.name(), summary(job, locale), job.usage())).toList();
    }

    Optional<JobDescription> job(String name) {
        return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
    }

    String summary(JobDescription job, Locale locale) {
        return messages.getMessage("ops.job." + job.name() + ".summary", null, job.summary(), locale);
    }

    /** The form's fields, holding {@code values} (empty for a fresh form: the choices show their defaults). */
    List<Field> fields(JobDescription job, Map<String, String> values, Locale locale) {
        return job.parameters().stream().map(parameter -> field(job, parameter, values, locale)).toList();
    }

    private Field field(JobDescription job, ParameterDescription parameter, Map<String, String> values,
                        Locale locale) {
        String key = "ops.job." + job.name() + ".parameter." + parameter.name();
        String value = values.get(parameter.name());
        if (value == null && parameter.type() == ParameterDescription.Type.CHOICE) {
            value = parameter.defaultValue();
        }
        return new Field(parameter.name(),
                messages.getMessage(key + ".description", null, parameter.description(), locale),
                messages.getMessage(key + ".default", null, parameter.defaultValue(), locale),
                parameter.allowedValues(), parameter.type().format(), value == null ? "" : value);
    }
}
