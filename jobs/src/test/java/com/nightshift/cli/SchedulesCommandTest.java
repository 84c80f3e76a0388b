package com.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nightshift.support.CliRun;
import com.nightshift.support.TestServers;
import com.nightshift.support.TestUsers;

class SchedulesCommandTest {

    private static final String BAD_SCHEDULE = """
            name: broken
            job: rollup
            cron: "0 0 25 * * ?"
            misfire: sometimes
            parameters:
              mode: sideways
            """;
    private static final String GOOD_SCHEDULE = """
            name: nightly
            job: rollup
            cron: "0 0 1 * * ?"
            timezone: Asia/Shanghai
            parameters:
              mode: full
              from: "${yesterday}"
              to: "${yesterday}"
            misfire: catch-up
            """;

    @TempDir
    Path folder;

    @Test
    void validatingTheBundledSchedulesExitsZeroWithAOneLineSummary() {
        CliRun validate = CliRun.of("schedules", "validate");

        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out().lines().toList()).singleElement().asString()
                .matches("classpath:schedules/: \\d+ schedule\\(s\\) valid, \\d+ enabled");
    }

    @Test
    void validatingAFolderWithProblemsExitsTwoPrintingEveryProblemOnALineOfItsOwn() throws Exception {
        Files.writeString(folder.resolve("broken.yml"), BAD_SCHEDULE);

        CliRun validate = CliRun.of("schedules", "validate", folder.toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = validate.errLines();
        assertThat(lines.get(0)).startsWith("nightshift: the schedule files have ");
        // the cron, the misfire and the parameter: each named with its file and schedule
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(line -> line.startsWith("nightshift: " + folder.resolve("broken.yml") + ":")
                        && line.contains("'broken'"));
        assertThat(validate.out()).isEmpty();
    }

    @Test
    void validatingAFolderThatDoesNotExistExitsTwo() {
        CliRun validate = CliRun.of("schedules", "validate", folder.resolve("missing").toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.err()).contains("missing");
    }

    @Test
    void validatingAFolderOfValidSchedulesExitsZero() throws Exception {
        Files.writeString(folder.resolve("nightly.yml"), GOOD_SCHEDULE);

        CliRun validate = CliRun.of("schedules", "validate", folder.toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).isEqualTo(folder + ": 1 schedule(s) valid, 1 enabled" + System.lineSeparator());
    }

    @Test
    void aPreviewPrintsTheNextFiresInTheSchedulesZoneAndInUtcWithTheirParameters() throws Exception {
        Files.writeString(folder.resolve("nightly.yml"), GOOD_SCHEDULE);

        CliRun preview = CliRun.of("schedules", "preview", "nightly", "--count", "3",
                "--nightshift.schedules.dir=" + folder);

        assertThat(preview.exitCode()).as(preview.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = preview.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("nightly: rollup from=${yesterday} mode=full to=${yesterday} at "
                + "'0 0 1 * * ?' in Asia/Shanghai");
        assertThat(lines.subList(1, lines.size())).hasSize(3).allMatch(line -> line.matches(
                "  \\d{4}-\\d\\d-\\d\\d 01:00:00 \\+08:00  \\d{4}-\\d\\d-\\d\\d 17:00:00Z  "
                        + "from=\\d{4}-\\d\\d-\\d\\d mode=full to=\\d{4}-\\d\\d-\\d\\d"));
    }

    @Test
    void aPreviewOfAScheduleThatIsNotThereExitsTwoNamingTheOnesThatAre() throws Exception {
        Files.writeString(folder.resolve("nightly.yml"), GOOD_SCHEDULE);

        CliRun preview = CliRun.of("schedules", "preview", "daily", "--nightshift.schedules.dir=" + folder);

        assertThat(preview.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(preview.errLines()).containsExactly(
                "nightshift: no schedule named 'daily'; the schedules are: nightly");
    }

    @Test
    void theScheduleTableShowsEachScheduleWithItsStateAndNextFires() throws Exception {
        Files.writeString(folder.resolve("nightly.yml"), GOOD_SCHEDULE);

        CliRun table = CliRun.onDatabase(TestServers.get().newDatabase("schedules_cli"), "schedules",
                "--nightshift.schedules.dir=" + folder, "--spring.quartz.scheduler-name=nightshift-schedules-cli");

        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Schedules from " + folder + ":");
        assertThat(lines.get(1)).startsWith("NAME").contains("STATE", "NEXT FIRE (ZONE)", "NEXT FIRE (UTC)");
        assertThat(lines.get(2)).startsWith("nightly").contains("rollup", "NORMAL", "01:00:00 +08:00", "17:00:00Z");
        assertThat(lines).hasSize(5);
    }

    @Test
    void servingWithABadScheduleFolderExitsTwoPrintingEveryProblem() throws Exception {
        Files.writeString(folder.resolve("broken.yml"), BAD_SCHEDULE);

        List<String> serveArguments = new ArrayList<>(List.of("serve", "--nightshift.schedules.dir=" + folder,
                "--server.port=0", "--spring.quartz.scheduler-name=nightshift-schedules-serve"));
        // with users, so that the schedules are the one thing wrong
        serveArguments.addAll(TestUsers.arguments());

        CliRun serve = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> CliRun.onDatabase(
                TestServers.get().newDatabase("schedules_serve"), serveArguments.toArray(String[]::new)));

        assertThat(serve.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(serve.errLines().get(0)).startsWith("nightshift: the schedule files have ");
        assertThat(serve.errLines().subList(1, serve.errLines().size())).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(line -> line.startsWith("nightshift: " + folder.resolve("broken.yml") + ":"));
    }
}
