package com.nightshift.cli;

import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.nightshift.config.NightshiftProperties;
import com.nightshift.schedules.ScheduleFolder;
import com.nightshift.schedules.SchedulesProperties;

/**
 * The schedule folder as the engine would read it, without starting the engine: {@code nightshift.schedules.*}
 * and {@code nightshift.zone} from the command line's settings and the environment, as Spring binds them.
 */
final class ScheduleSettings {

    private ScheduleSettings() {
    }

    /** @param dir a folder given on the command line, or null for {@code nightshift.schedules.dir} */
    static ScheduleFolder folder(List<String> springArguments, String dir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new SimpleCommandLinePropertySource(springArguments.toArray(String[]::new)));
        Binder binder = Binder.get(environment);
        NightshiftProperties nightshift = binder.bindOrCreate("nightshift", NightshiftProperties.class);
        SchedulesProperties schedules = binder.bindOrCreate("nightshift.schedules", SchedulesProperties.class);
        return new ScheduleFolder(dir != null ? dir : schedules.dir(), nightshift.zone(),
                schedules.defaultCatchUpLimit());
    }
}
