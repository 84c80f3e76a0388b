package com.nightshift.schedules;

import java.util.Collection;
import java.util.List;

import com.nightshift.job.JobDescription;

/**
 * Reads and checks the schedule files of {@code nightshift.schedules.dir}, or the bundled ones.
 * (Contract: implemented in the schedule-files work.)
 */
public final class ScheduleFolder {

    private final String dir;

    /** @param dir a folder on disk, or empty for the bundled {@code classpath:schedules/*.yml} */
    public ScheduleFolder(String dir) {
        this.dir = dir;
    }

    /**
     * Every schedule of every {@code *.yml} file of the folder, enabled or not, in file then file order.
     *
     * @param jobs the jobs there are, whose parameters the schedules' parameters are checked against
     * @throws ScheduleFileException with every problem found; then none of the folder is to be used
     */
    public List<ScheduleDefinition> load(Collection<JobDescription> jobs) {
        throw new UnsupportedOperationException("not yet: reading " + dir);
    }

    /** The folder as messages name it. */
    public String location() {
        return dir.isEmpty() ? "classpath:schedules/" : dir;
    }
}
