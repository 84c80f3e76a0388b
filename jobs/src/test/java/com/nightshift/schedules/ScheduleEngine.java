package com.nightshift.schedules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.NightshiftApplication;
import com.nightshift.support.TestServers;

/**
 * An engine that fires schedules, as {@code serve} runs one: its own application context with Quartz started,
 * on a database of the test's, reading the schedule files of a folder of the test's. Each has a Quartz scheduler
 * name of its own (Quartz's JVM-wide registry) and an instance id of its own.
 */
public final class ScheduleEngine implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ScheduleEngine(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param settings further engine settings ({@code --name=value}), which win over these defaults */
    public static ScheduleEngine start(String jdbcUrl, Path folder, String schedulerName, String... settings) {
        return instance(jdbcUrl, folder, schedulerName, schedulerName + "-instance", settings);
    }

    /** An instance of a Quartz cluster: the same scheduler name as its peers, an instance id of its own. */
    public static ScheduleEngine instance(String jdbcUrl, Path folder, String schedulerName, String instanceId,
                                   String... settings) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.web-application-type", "none");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.quartz.auto-startup", "true");
        defaults.put("spring.quartz.scheduler-name", schedulerName);
        defaults.put("spring.quartz.properties.org.quartz.scheduler.instanceId", instanceId);
        defaults.put("nightshift.schedules.dir", folder.toString());
        List<String> arguments = new ArrayList<>(TestServers.get().engineArguments(jdbcUrl));
        defaults.forEach((name, value) -> {
            if (Arrays.stream(settings).noneMatch(setting -> setting.startsWith("--" + name + "="))) {
                arguments.add("--" + name + "=" + value);
            }
        });
        arguments.addAll(Arrays.asList(settings));
        return new ScheduleEngine(new SpringApplicationBuilder(NightshiftApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    @Override
    public void close() {
        context.close();
    }

    /** Writes one schedule file into the folder, replacing one of the same name. */
    public static void write(Path folder, String file, String yaml) {
        try {
            Files.writeString(folder.resolve(file), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the folder of schedule files. */
    public static void clear(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schedule file of one schedule. */
    public static String schedule(String name, String job, String cron, String misfire, String... parameters) {
        StringBuilder yaml = new StringBuilder()
                .append("name: ").append(name).append('\n')
                .append("job: ").append(job).append('\n')
                .append("cron: \"").append(cron).append("\"\n")
                .append("timezone: Asia/Shanghai\n")
                .append("misfire: ").append(misfire).append('\n');
        if (parameters.length > 0) {
            yaml.append("parameters:\n");
            for (String parameter : parameters) {
                int equals = parameter.indexOf('=');
                yaml.append("  ").append(parameter, 0, equals).append(": \"").append(parameter.substring(equals + 1))
                        .append("\"\n");
            }
        }
        return yaml.toString();
    }
}
