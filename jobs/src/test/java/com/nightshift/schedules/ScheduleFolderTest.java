package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.job.JobDescription;
import com.nightshift.reports.job.ReportRequest;
import com.nightshift.rollup.job.RollupRequest;

/** A folder of schedule files is used whole or not at all; each problem names its file. */
class ScheduleFolderTest {

    private static final List<JobDescription> JOBS = List.of(RollupRequest.DESCRIPTION, ReportRequest.DESCRIPTION);
    private static final ZoneId CHAIN_ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void schedulesComeInFileNameOrderThenInFileOrder() throws IOException {
        write("b.yml", schedule("b1"));
        write("a.yml", list("a1", "a2"));
        assertThat(folder().load(JOBS)).extracting(ScheduleDefinition::name).containsExactly("a1", "a2", "b1");
    }

    @Test
    void eachScheduleKnowsItsFile() throws IOException {
        write("a.yml", schedule("a1"));
        assertThat(folder().load(JOBS)).singleElement().extracting(ScheduleDefinition::file)
                .isEqualTo(dir.resolve("a.yml").toString());
    }

    @Test
    void filesThatAreNotYmlAreNotRead() throws IOException {
        write("a.yml", schedule("a1"));
        write("README.md", "# Schedules\n");
        write("b.yml.off", "not: [valid");
        assertThat(folder().load(JOBS)).extracting(ScheduleDefinition::name).containsExactly("a1");
    }

    @Test
    void aScheduleWithoutAZoneIsInTheChainsZone() throws IOException {
        write("a.yml", schedule("a1"));
        assertThat(new ScheduleFolder(dir.toString(), ZoneId.of("Europe/Berlin"), 7).load(JOBS)).singleElement()
                .extracting(ScheduleDefinition::zone).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aScheduleWithoutACatchUpLimitHasTheConfiguredDefault() throws IOException {
        write("a.yml", schedule("a1"));
        assertThat(new ScheduleFolder(dir.toString(), CHAIN_ZONE, 3).load(JOBS)).singleElement()
                .extracting(ScheduleDefinition::catchUpLimit).isEqualTo(3);
    }

    @Test
    void anEmptyFolderHasNoSchedules() {
        assertThat(folder().load(JOBS)).isEmpty();
    }

    @Test
    void aFolderThatDoesNotExistIsAProblemNamingIt() {
        Path missing = dir.resolve("schedulez");
        assertThatThrownBy(() -> new ScheduleFolder(missing.toString(), CHAIN_ZONE, 7).load(JOBS))
                .isInstanceOfSatisfying(ScheduleFileException.class, e -> assertThat(e.problems()).containsExactly(
                        missing + ": no such folder (nightshift.schedules.dir: the folder of the schedule files, "
                                + "*.yml)"));
    }

    @Test
    void aFileInPlaceOfTheFolderIsAProblemNamingIt() throws IOException {
        Path file = write("a.yml", schedule("a1"));
        assertThatThrownBy(() -> new ScheduleFolder(file.toString(), CHAIN_ZONE, 7).load(JOBS))
                .isInstanceOfSatisfying(ScheduleFileException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith(file + ": not a folder"));
    }

    @Test
    void aNameUsedInTwoFilesIsADuplicateNamingBoth() throws IOException {
        write("a.yml", schedule("nightly"));
        write("b.yml", "# the same again\n" + schedule("nightly"));
        assertThat(problems()).containsExactly(dir.resolve("b.yml") + ":2: schedule 'nightly', field 'name': "
                + "duplicate name, already used at " + dir.resolve("a.yml") + ":1");
    }

    @Test
    void aNameUsedTwiceInOneFileIsADuplicate() throws IOException {
        write("a.yml", list("nightly", "nightly"));
        assertThat(problems()).containsExactly(dir.resolve("a.yml") + ":4: schedule 'nightly', field 'name': "
                + "duplicate name, already used at " + dir.resolve("a.yml") + ":1");
    }

    @Test
    void oneBadFileRefusesTheWholeFolderWithTheProblemsOfEveryFile() throws IOException {
        write("a.yml", schedule("good"));
        write("b.yml", schedule("bad-zone") + "timezone: Asia/Beijing\n");
        write("c.yml", schedule("bad-job").replace("job: rollup", "job: rolup"));
        assertThat(problems()).containsExactly(
                dir.resolve("b.yml") + ":4: schedule 'bad-zone', field 'timezone': unknown time zone 'Asia/Beijing' "
                        + "(a region such as Asia/Shanghai or Europe/Berlin)",
                dir.resolve("c.yml") + ":2: schedule 'bad-job', field 'job': unknown job 'rolup' (known: report, "
                        + "rollup; only a disabled schedule may name a job this version does not have)");
    }

    @Test
    void aFileThatIsNotYamlIsNamed() throws IOException {
        write("a.yml", "name: [unclosed\n");
        assertThat(problems()).singleElement().asString().startsWith(dir.resolve("a.yml") + ":2: not valid YAML (");
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws IOException {
        Files.write(dir.resolve("a.yml"), schedule("夜间").getBytes("GB18030"));
        assertThat(problems()).containsExactly(dir.resolve("a.yml") + ": not UTF-8 text: save the file as UTF-8");
    }

    @Test
    void theBundledFolderIsNamedAsTheClasspath() {
        assertThat(new ScheduleFolder("", CHAIN_ZONE, 7).location()).isEqualTo("classpath:schedules/");
        assertThat(folder().location()).isEqualTo(dir.toString());
    }

    private ScheduleFolder folder() {
        return new ScheduleFolder(dir.toString(), CHAIN_ZONE, 7);
    }

    private List<String> problems() {
        try {
            folder().load(JOBS);
        } catch (ScheduleFileException e) {
            return e.problems();
        }
        throw new AssertionError("the folder was read without a problem");
    }

    private static String schedule(String name) {
        return "name: " + name + "\njob: rollup\ncron: 0 0 1 * * ?\n";
    }

    /** The schedules as a list, one after the other: each takes three lines. */
    private static String list(String... names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append("- ").append(schedule(name).strip().replace("\n", "\n  ")).append('\n');
        }
        return list.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
