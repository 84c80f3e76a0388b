package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nightshift.job.JobDescription;
import com.nightshift.reports.job.ReportRequest;
import com.nightshift.rollup.job.RollupRequest;

/** What one schedule file tells: its schedules, or each problem naming the file, line, schedule and field. */
class ScheduleFileReaderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Map<String, JobDescription> JOBS = Map.of("rollup", RollupRequest.DESCRIPTION, "report",
            ReportRequest.DESCRIPTION);
    /** Monday 2026-12-07 in Shanghai: yesterday is 2026-12-06, last ISO week 2026-W49. */
    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private static final ScheduleFileReader.Defaults DEFAULTS = new ScheduleFileReader.Defaults(SHANGHAI, 7, JOBS,
            NOW);

    @Test
    void aSingleScheduleTakesItsDefaults() {
        assertThat(schedules("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                """)).containsExactly(new ScheduleDefinition("full", "rollup", "0 0 1 * * ?", SHANGHAI, Map.of(),
                Misfire.CATCH_UP, 7, true, "s.yml"));
    }

    @Test
    void aScheduleSaysEveryField() {
        assertThat(schedules("""
                name: weekly
                job: report
                cron: 0 30 7 ? * MON
                timezone: Europe/Berlin
                parameters:
                  report: chain-weekly
                  week: ${lastIsoWeek}
                misfire: skip
                catch-up-limit: 3
                enabled: false
                """)).containsExactly(new ScheduleDefinition("weekly", "report", "0 30 7 ? * MON",
                ZoneId.of("Europe/Berlin"), Map.of("report", "chain-weekly", "week", "${lastIsoWeek}"), Misfire.SKIP,
                3, false, "s.yml"));
    }

    @Test
    void aFileMayHoldAListOfSchedules() {
        assertThat(schedules("""
                - name: first
                  job: rollup
                  cron: 0 0 1 * * ?
                - name: second
                  job: report
                  cron: 0 0 7 * * ?
                """)).extracting(ScheduleDefinition::name).containsExactly("first", "second");
    }

    @Test
    void anAliasSharesAnotherSchedulesParameters() {
        assertThat(schedules("""
                - name: early
                  job: report
                  cron: 0 0 6 * * ?
                  parameters: &daily {report: store-daily, date: "${yesterday}"}
                - name: late
                  job: report
                  cron: 0 0 9 * * ?
                  parameters: *daily
                """)).extracting(ScheduleDefinition::parameters).containsOnly(Map.of("report", "store-daily", "date",
                "${yesterday}"));
    }

    @Test
    void aMergeKeyIsRefusedAsAnUnknownField() {
        assertThat(problems("""
                - &base {name: early, job: rollup, cron: "0 0 1 * * ?"}
                - <<: *base
                  name: late
                """)).containsExactly("s.yml:2: schedule 'late', field '<<': unknown field (known: name, job, cron, "
                + "timezone, parameters, misfire, catch-up-limit, enabled)", "s.yml:2: schedule 'late', field 'job': "
                + "missing: the job it starts (known: report, rollup)", "s.yml:2: schedule 'late', field 'cron': "
                + "missing: when it fires, as a Quartz cron expression such as '0 0 7 * * ?'");
    }

    @Test
    void parameterValuesAreKeptAsWrittenNotAsYamlReadsThem() {
        assertThat(schedules("""
                name: day
                job: rollup
                cron: 0 0 1 * * ?
                parameters: {mode: full, from: 2026-01-01, to: "${yesterday}"}
                """)).singleElement().extracting(ScheduleDefinition::parameters)
                .isEqualTo(Map.of("mode", "full", "from", "2026-01-01", "to", "${yesterday}"));
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                timezon: Asia/Shanghai
                """)).containsExactly("s.yml:4: schedule 'full', field 'timezon': unknown field (known: name, job, "
                + "cron, timezone, parameters, misfire, catch-up-limit, enabled)");
    }

    @Test
    void aFieldGivenTwiceIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                job: report
                """)).containsExactly("s.yml:4: schedule 'full', field 'job': given twice");
    }

    @Test
    void aMissingNameIsNamedWithTheSchedulesPlaceInTheList() {
        assertThat(problems("""
                - name: first
                  job: rollup
                  cron: 0 0 1 * * ?
                - job: rollup
                  cron: 0 0 2 * * ?
                """)).containsExactly("s.yml:4: schedule #2, field 'name': missing: every schedule needs a name of "
                + "its own");
    }

    @Test
    void aNameThatNeedsQuotingInAUrlIsRefused() {
        assertThat(problems("""
                name: full rollup
                job: rollup
                cron: 0 0 1 * * ?
                """)).containsExactly("s.yml:1: schedule 'full rollup', field 'name': 'full rollup' must be letters, "
                + "digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters");
    }

    @Test
    void aMissingJobIsNamed() {
        assertThat(problems("""
                name: full
                cron: 0 0 1 * * ?
                """)).containsExactly("s.yml:1: schedule 'full', field 'job': missing: the job it starts (known: "
                + "report, rollup)");
    }

    @Test
    void anUnknownJobIsNamed() {
        assertThat(problems("""
                name: full
                job: rolup
                cron: 0 0 1 * * ?
                """)).containsExactly("s.yml:2: schedule 'full', field 'job': unknown job 'rolup' (known: report, "
                + "rollup; only a disabled schedule may name a job this version does not have)");
    }

    @Test
    void aDisabledScheduleMayNameAJobThisVersionDoesNotHave() {
        assertThat(schedules("""
                name: health-check
                job: health
                cron: 0 0 2 * * ?
                parameters: {depth: full}
                enabled: false
                """)).singleElement().extracting(ScheduleDefinition::job).isEqualTo("health");
    }

    @Test
    void aMissingCronIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                """)).containsExactly("s.yml:1: schedule 'full', field 'cron': missing: when it fires, as a Quartz "
                + "cron expression such as '0 0 7 * * ?'");
    }

    @Test
    void aBadCronIsNamedInQuartzsWords() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 1 * * *
                """)).containsExactly("s.yml:3: schedule 'full', field 'cron': '0 1 * * *' is not a Quartz cron "
                + "expression (Unexpected end of expression.): seconds minutes hours day-of-month month "
                + "day-of-week [year], such as '0 0 7 * * ?'");
    }

    @Test
    void aCronThatNeverFiresAgainIsRefused() {
        assertThat(problems("""
                name: once
                job: rollup
                cron: 0 0 1 1 1 ? 2025
                """)).containsExactly("s.yml:3: schedule 'once', field 'cron': '0 0 1 1 1 ? 2025' never fires again");
    }

    @Test
    void anUnknownZoneIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                timezone: Asia/Shangai
                """)).containsExactly("s.yml:4: schedule 'full', field 'timezone': unknown time zone 'Asia/Shangai' "
                + "(a region such as Asia/Shanghai or Europe/Berlin)");
    }

    @Test
    void aParameterTheJobDoesNotTakeIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  mode: full
                  day: ${yesterday}
                """)).containsExactly("s.yml:6: schedule 'full', field 'parameters': unknown rollup parameter 'day'; "
                + "rollup takes mode=full|incremental, from=yyyy-MM-dd, to=yyyy-MM-dd");
    }

    @Test
    void aParameterValueOfTheWrongFormIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  mode: everything
                """)).containsExactly("s.yml:5: schedule 'full', field 'parameters': parameter 'mode' must be full "
                + "or incremental, was 'everything'");
    }

    @Test
    void aValueThatIsWrongOnceResolvedShowsWhatWasWritten() {
        assertThat(problems("""
                name: weekly
                job: report
                cron: 0 30 7 ? * MON
                parameters:
                  report: chain-weekly
                  week: ${yesterday}
                """)).containsExactly("s.yml:6: schedule 'weekly', field 'parameters': parameter 'week' must be an ISO "
                + "week such as 2026-W48, was '2026-12-06' (written '${yesterday}', resolved for a fire on 2026-12-07)");
    }

    @Test
    void anUnknownExpressionIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  from: ${tomorrow}
                """)).containsExactly("s.yml:5: schedule 'full', field 'parameters': parameter 'from': unknown "
                + "expression '${tomorrow}' (known: ${today}, ${yesterday}, ${lastIsoWeek})");
    }

    @Test
    void anUnclosedExpressionIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  from: "${yesterday"
                """)).containsExactly("s.yml:5: schedule 'full', field 'parameters': parameter 'from': unclosed "
                + "expression in '${yesterday': write it as ${name}");
    }

    @Test
    void aParameterWithoutAValueIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  from:
                """)).containsExactly("s.yml:5: schedule 'full', field 'parameters': parameter 'from' has no value");
    }

    @Test
    void parametersThatAreNotAMappingAreRefused() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters: [mode=full]
                """)).containsExactly("s.yml:4: schedule 'full', field 'parameters': must map each parameter's name to "
                + "its value, such as {mode: full}, not '[mode=full]'");
    }

    @Test
    void aBadMisfireIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                misfire: catchup
                """)).containsExactly("s.yml:4: schedule 'full', field 'misfire': must be catch-up or skip, was "
                + "'catchup'");
    }

    @Test
    void aCatchUpLimitBelowOneIsRefused() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                catch-up-limit: 0
                """)).containsExactly("s.yml:4: schedule 'full', field 'catch-up-limit': must be a whole number from "
                + "1 to 999999, was '0'");
    }

    @Test
    void aCatchUpLimitThatIsNotANumberIsRefused() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                catch-up-limit: seven
                """)).containsExactly("s.yml:4: schedule 'full', field 'catch-up-limit': must be a whole number from "
                + "1 to 999999, was 'seven'");
    }

    @Test
    void enabledMustBeTrueOrFalse() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                enabled: sometimes
                """)).containsExactly("s.yml:4: schedule 'full', field 'enabled': must be true or false, was "
                + "'sometimes'");
    }

    @Test
    void aFieldThatMustBeTextIsNotAList() {
        assertThat(problems("""
                name: full
                job: [rollup, report]
                cron: 0 0 1 * * ?
                """)).containsExactly("s.yml:2: schedule 'full', field 'job': must be a piece of text, not "
                + "'[rollup, report]'");
    }

    @Test
    void everyProblemOfAFileIsReported() {
        assertThat(problems("""
                - name: first
                  job: rolup
                  cron: 0 0 25 * * ?
                - name: second
                  job: rollup
                  cron: 0 0 1 * * ?
                  timezone: Mars/Olympus
                """)).extracting(problem -> problem.substring(0, problem.indexOf("': ") + 1))
                .containsExactly("s.yml:2: schedule 'first', field 'job'", "s.yml:3: schedule 'first', field 'cron'",
                        "s.yml:7: schedule 'second', field 'timezone'");
    }

    @Test
    void aFileThatIsNotYamlIsRefusedAtItsLine() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: "0 0 1 * * ?
                """)).singleElement().asString().startsWith("s.yml:4: not valid YAML (");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(problems("# nothing yet\n")).containsExactly("s.yml: the file is empty: it needs a schedule (a "
                + "mapping of name, job, cron, timezone, parameters, misfire, catch-up-limit, enabled) or a list of "
                + "them (delete the file to remove its schedules)");
    }

    @Test
    void aListItemThatIsNotAScheduleIsRefused() {
        assertThat(problems("""
                - name: first
                  job: rollup
                  cron: 0 0 1 * * ?
                - rollup
                """)).containsExactly("s.yml:4: schedule #2 must be a mapping of name, job, cron, timezone, "
                + "parameters, misfire, catch-up-limit, enabled, not 'rollup'");
    }

    @Test
    void aScheduleWithAProblemIsNotReturned() {
        ScheduleFileReader.Contents contents = ScheduleFileReader.read("s.yml", """
                - name: good
                  job: rollup
                  cron: 0 0 1 * * ?
                - name: bad
                  job: rollup
                  cron: 0 0 1 * * ? *
                  misfire: never
                - name: typo
                  job: rollup
                  cron: 0 0 1 * * ?
                  enable: false
                """, DEFAULTS);
        assertThat(contents.schedules()).extracting(ScheduleDefinition::name).containsExactly("good");
        assertThat(contents.names()).containsExactly(new ScheduleFileReader.NameAt("good", 1),
                new ScheduleFileReader.NameAt("bad", 4), new ScheduleFileReader.NameAt("typo", 8));
    }

    @Test
    void aParameterGivenTwiceIsNamed() {
        assertThat(problems("""
                name: full
                job: rollup
                cron: 0 0 1 * * ?
                parameters:
                  mode: full
                  mode: incremental
                """)).containsExactly("s.yml:6: schedule 'full', field 'parameters': parameter 'mode' given twice");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThat(problems("[]\n")).containsExactly("s.yml:1: the list is empty: it needs at least one schedule");
    }

    @Test
    void aFileOfPlainTextIsRefused() {
        assertThat(problems("rollup every night\n")).containsExactly("s.yml:1: the file must hold a schedule (a "
                + "mapping of name, job, cron, timezone, parameters, misfire, catch-up-limit, enabled) or a list of "
                + "them, not 'rollup every night'");
    }

    private static List<ScheduleDefinition> schedules(String text) {
        ScheduleFileReader.Contents contents = ScheduleFileReader.read("s.yml", text, DEFAULTS);
        assertThat(contents.problems()).isEmpty();
        return contents.schedules();
    }

    private static List<String> problems(String text) {
        return ScheduleFileReader.read("s.yml", text, DEFAULTS).problems().stream()
                .map(problem -> problem.message("s.yml")).toList();
    }
}
