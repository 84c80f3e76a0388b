package com.nightshift.schedules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.nightshift.job.JobDescription;
import com.nightshift.yaml.FileProblem;

/**
 * Reads and checks the schedule files ({@code *.yml}) of {@code nightshift.schedules.dir}, or the bundled ones
 * ({@code classpath:schedules/*.yml}, the repository's top-level {@code schedules/}): all of them or none. Other
 * files of the folder (its README) are not read. A folder on disk that does not exist is a problem (a mistyped
 * setting must not pass as "no schedules"); an existing folder without schedule files has no schedules.
 */
public final class ScheduleFolder {

    private static final String BUNDLED = "classpath:schedules/";
    private static final String SUFFIX = ".yml";

    private final String dir;
    private final ZoneId defaultZone;
    private final int defaultCatchUpLimit;

    /**
     * @param dir                 a folder on disk, or empty for the bundled {@code classpath:schedules/*.yml}
     * @param defaultZone         the zone of a schedule that names none: the chain's ({@code nightshift.zone})
     * @param defaultCatchUpLimit the catch-up limit of a schedule that gives none
     *                            ({@code nightshift.schedules.default-catch-up-limit})
     */
    public ScheduleFolder(String dir, ZoneId defaultZone, int defaultCatchUpLimit) {
        if (defaultCatchUpLimit < 1) {
            throw new IllegalArgumentException("the default catch-up limit must be at least 1, was "
                    + defaultCatchUpLimit);
        }
        this.dir = dir == null ? "" : dir;
        this.defaultZone = defaultZone;
        this.defaultCatchUpLimit = defaultCatchUpLimit;
    }

    /**
     * Every schedule of every {@code *.yml} file of the folder, enabled or not, in file (by name) then file order.
     *
     * @param jobs the jobs there are, whose parameters the schedules' parameters are checked against
     * @throws ScheduleFileException with every problem found, each naming its file and line, the schedule and
     *                               the field; then none of the folder is to be used
     */
    public List<ScheduleDefinition> load(Collection<JobDescription> jobs) {
        Map<String, JobDescription> byName = new LinkedHashMap<>();
        jobs.forEach(job -> byName.put(job.name(), job));
        ScheduleFileReader.Defaults defaults = new ScheduleFileReader.Defaults(defaultZone, defaultCatchUpLimit,
                byName, Instant.now());
        List<ScheduleDefinition> schedules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (FileText file : files()) {
            List<FileProblem> fileProblems = new ArrayList<>();
            if (file.text() == null) {
                fileProblems.add(new FileProblem(0, file.unreadable()));
            } else {
                ScheduleFileReader.Contents contents = ScheduleFileReader.read(file.name(), file.text(), defaults);
                schedules.addAll(contents.schedules());
                fileProblems.addAll(contents.problems());
                for (ScheduleFileReader.NameAt name : contents.names()) {
                    String place = file.name() + ":" + name.line();
                    String first = firstPlace.putIfAbsent(name.name(), place);
                    if (first != null) {
                        fileProblems.add(new FileProblem(name.line(), "schedule '" + name.name()
                                + "', field 'name': duplicate name, already used at " + first));
                    }
                }
            }
            fileProblems.stream().sorted(Comparator.comparingInt(FileProblem::line))
                    .forEach(problem -> problems.add(problem.message(file.name())));
        }
        if (!problems.isEmpty()) {
            throw new ScheduleFileException(problems);
        }
        return List.copyOf(schedules);
    }

    /** The folder as messages name it. */
    public String location() {
        return dir.isEmpty() ? BUNDLED : dir;
    }

    /** A schedule file as messages name it, and its text; or null and why it could not be read. */
    private record FileText(String name, String text, String unreadable) {
    }

    /** The schedule files, by name. */
    private List<FileText> files() {
        return dir.isEmpty() ? bundledFiles() : folderFiles(Path.of(dir));
    }

    private List<FileText> folderFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ScheduleFileException(List.of(dir + ": " + (Files.exists(folder) ? "not a folder"
                    : "no such folder") + " (nightshift.schedules.dir: the folder of the schedule files, *" + SUFFIX
                    + ")"));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .map(path -> read(path.toString(), () -> Files.readAllBytes(path)))
                    .toList();
        } catch (IOException e) {
            throw new ScheduleFileException(List.of(dir + ": the folder cannot be read (" + e.getMessage() + ")"));
        }
    }

    private List<FileText> bundledFiles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED + "*" + SUFFIX);
            return Stream.of(resources).filter(resource -> resource.getFilename() != null)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .map(resource -> read(BUNDLED + resource.getFilename(),
                            () -> resource.getContentAsByteArray()))
                    .toList();
        } catch (IOException e) {
            throw new ScheduleFileException(List.of(BUNDLED + ": the bundled schedules cannot be listed ("
                    + e.getMessage() + ")"));
        }
    }

    private interface Bytes {
        byte[] read() throws IOException;
    }

    private static FileText read(String name, Bytes bytes) {
        try {
            // strict decoding: a file saved in another encoding would otherwise pass with mangled names
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.read())).toString();
            return new FileText(name, text, null);
        } catch (CharacterCodingException e) {
            return new FileText(name, null, "not UTF-8 text: save the file as UTF-8");
        } catch (IOException e) {
            return new FileText(name, null, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
