package com.nightshift.health.jobs;

import static com.nightshift.support.OrderLineRows.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.Letter;
import com.nightshift.health.CheckResult;
import com.nightshift.health.HealthQueries;
import com.nightshift.health.HealthQueriesOn;
import com.nightshift.health.HealthState;
import com.nightshift.ops.JobRunner;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.FreePorts;
import com.nightshift.support.IntegrationTest;

/**
 * The JOBS checks against conditions made for real: a rollup that fails, executions running past their job's
 * usual time, refused and missed schedule fires, a letter FAILED with the mail server down. "Since the previous
 * health run" is made by running the job {@code health} first. One attempt per letter, so that a server down fails
 * a letter at once rather than after minutes of retries.
 */
@TestPropertySource(properties = {"spring.quartz.scheduler-name=healthJobsChecksTest",
        "nightshift.delivery.max-attempts=1"})
class JobsChecksTest extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 15);

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JobRepository repository;
    @Autowired
    HealthQueries queries;
    @Autowired
    JobsThresholds defaults;
    @Autowired
    FailedJobsCheck failed;
    @Autowired
    ScheduleFiresCheck fires;
    @Autowired
    UndeliveredLettersCheck undelivered;
    @Autowired
    Deliveries deliveries;
    @Autowired
    MailProperties mail;
    @Autowired
    Scheduler scheduler;

    private final String store = "健康检查店-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<JobExecution> probes = new ArrayList<>();

    @BeforeEach
    void afterAHealthRun() throws Exception {
        // the ledger's other letters belong to other tests, which each plan their own under a key of their own
        jdbc.update("DELETE FROM delivery");
        assertThat(runner.run("health", Map.of()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** A probe left running would be judged by the next test too. */
    @AfterEach
    void endProbes() {
        probes.forEach(execution -> {
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setEndTime(LocalDateTime.now());
            repository.update(execution);
        });
    }

    @Test
    void noJobFailedSinceThePreviousHealthRunIsOk() {
        CheckResult result = failed.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("No job execution failed since the previous health run");
    }

    @Test
    void aJobThatFailedSinceThePreviousHealthRunIsWarnNamingItsExecutionAndMessage() throws Exception {
        JobExecution execution = aFailedRollup();

        CheckResult result = failed.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("1 job execution failed since the previous health run",
                "rollup execution " + execution.getId(), "injected failure", "nightshift restart <id>");
        assertThat(result.values()).anyMatch(value -> value.name().equals("failed") && value.value() == 1);
    }

    @Test
    void aFailedRunResumedToCompletionIsNamedButOk() throws Exception {
        JobExecution execution = aFailedRollup();
        JobExecution resumed = runner.run("rollup", oneDay());

        CheckResult result = failed.run();

        assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).contains("rollup execution " + execution.getId() + " (completed by "
                + resumed.getId() + ")");
    }

    @Test
    void aRunFarLongerThanItsJobsMedianIsCrit() {
        String job = aJobThatTakesASecond();
        JobExecution running = anExecutionRunningSince(job, LocalDateTime.now().minusHours(2));

        CheckResult result = new LongRunningJobsCheck(queries, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.CRIT);
        assertThat(result.message()).contains(job + " execution " + running.getId() + " running for 2.0 h",
                "usually 1 s (median of 3)", "warn from 10 min, crit from 60 min");
    }

    @Test
    void aRunPastTheWarningFloorIsWarn() {
        String job = aJobThatTakesASecond();
        JobExecution running = anExecutionRunningSince(job, LocalDateTime.now().minusMinutes(20));

        CheckResult result = new LongRunningJobsCheck(queries, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains(job + " execution " + running.getId() + " running for 20 min");
    }

    @Test
    void aRunWithinItsFloorIsNotNamed() {
        String job = aJobThatTakesASecond();
        JobExecution running = anExecutionRunningSince(job, LocalDateTime.now().minusMinutes(1));

        CheckResult result = new LongRunningJobsCheck(queries, defaults).run();

        assertThat(result.message()).doesNotContain(job + " execution " + running.getId());
    }

    @Test
    void everyFireRunSinceThePreviousHealthRunIsOk() {
        CheckResult result = fires.run();

        assertThat(result.state()).isEqualTo(HealthState.OK);
        assertThat(result.message()).startsWith("Every schedule fire ran since the previous health run")
                .endsWith("and none is overdue.");
    }

    @Test
    void aScheduleQuartzHasNotFiredPastItsTimeIsWarnNamingIt() throws Exception {
        String schedule = "overdue-" + UUID.randomUUID().toString().substring(0, 8);
        JobDetail job = JobBuilder.newJob(NeverRun.class).withIdentity(schedule, "nightshift-schedules")
                .storeDurably().build();
        // this context's scheduler is never started: the trigger stays waiting, as with no instance serving
        scheduler.scheduleJob(job, TriggerBuilder.newTrigger().withIdentity(schedule + "/fire", schedule)
                .forJob(job).startAt(Date.from(Instant.now().minus(Duration.ofMinutes(10)))).build());
        try {
            CheckResult result = fires.run();

            assertThat(result.state()).isEqualTo(HealthState.WARN);
            assertThat(result.message()).contains("1 schedule not fired more than 60 s after its time: schedule "
                    + schedule + " OVERDUE since", "No instance of scheduler 'healthJobsChecksTest' is serving");
        } finally {
            scheduler.deleteJob(job.getKey());
        }
    }

    @Test
    void refusedAndMissedFiresAreWarnNamingTheSchedules() {
        aFire("rollup-incremental", "SCHEDULED", "REFUSED",
                "rollup {mode=incremental} is already running (execution 41)");
        aFire("report-store-daily", "SKIPPED", "SKIPPED",
                "3 fire(s) from 2026-12-04T23:00:00Z to 2026-12-06T23:00:00Z were missed while no instance ran");

        CheckResult result = fires.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("1 schedule fire refused and 1 record of missed fires",
                "schedule rollup-incremental REFUSED", "is already running (execution 41)",
                "schedule report-store-daily SKIPPED", "3 fire(s) from 2026-12-04T23:00:00Z");
    }

    /** Settled by another instance long after its claim (schedules.AbandonedFires): it counts when settled. */
    @Test
    void aFireClaimedBeforeThePreviousHealthRunAndSettledSinceIsWarn() {
        String schedule = "abandoned-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance, claimed_at, "
                + "ended_at, message) VALUES (?, now() - interval '1 hour', 'SCHEDULED', '{}', 'REFUSED', "
                + "'gone-instance', now() - interval '1 hour', now(), ?)", schedule,
                "the instance that claimed it stopped before starting the run");

        CheckResult result = fires.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("1 schedule fire refused", "schedule " + schedule + " REFUSED",
                "the instance that claimed it stopped before starting the run");
    }

    @Test
    void lettersDeliveredAreOk() {
        String key = aLetterSent(mail.getPort());

        CheckResult result = undelivered.run();

        assertThat(jdbc.queryForObject("SELECT state FROM delivery WHERE delivery_key = ?", String.class, key))
                .isEqualTo("DELIVERED");
        assertThat(result.state()).isEqualTo(HealthState.OK);
    }

    @Test
    void aLetterFailedWithTheMailServerDownIsWarnNamingIt() {
        String key = aLetterSent(FreePorts.unused());

        CheckResult result = undelivered.run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains("1 letter of the last 7 days not delivered",
                key + " to manager@example.com", "FAILED since", "resend");
    }

    @Test
    void aLetterNoSenderTookUpIsStuck() {
        String key = "report:store-daily:" + UUID.randomUUID();
        deliveries.plan(List.of(letter(key)));
        JobsThresholds impatient = new JobsThresholds(defaults.firstRunWindow(), defaults.failedWarn(),
                defaults.failedCrit(), defaults.longRunningHistory(), defaults.longRunningWarnFactor(),
                defaults.longRunningWarnFloor(), defaults.longRunningCritFactor(), defaults.longRunningCritFloor(),
                defaults.undeliveredWarn(), defaults.undeliveredCrit(), defaults.undeliveredLookback(),
                Duration.ofMillis(1));

        CheckResult result = new UndeliveredLettersCheck(queries, impatient).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).contains(key + " to manager@example.com", "stuck PENDING");
    }

    @Test
    void aRoleThatMayNotReadTheLedgerSaysWhatToGrant() {
        String database = DatabaseRoles.leastPrivilegeDatabase("health_jobs");
        HealthQueries asPointOfSale = HealthQueriesOn.dataSource(DatabaseRoles.as(DatabaseRoles.POINT_OF_SALE,
                database));

        CheckResult result = new UndeliveredLettersCheck(asPointOfSale, defaults).run();

        assertThat(result.state()).isEqualTo(HealthState.WARN);
        assertThat(result.message()).startsWith("could not check: the database role 'nightshift_pos'")
                .contains("permission denied for table delivery", "GRANT SELECT ON delivery TO nightshift_pos");
    }

    /** A full rollup of one day that the database refuses for this test's store, as a full disk would. */
    private JobExecution aFailedRollup() throws Exception {
        aLine().store(store).on(DAY).insert(jdbc);
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_health_store() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.store_name = '%1$s' THEN
                        RAISE EXCEPTION 'injected failure for %1$s';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(store));
        jdbc.execute("CREATE TRIGGER test_refuse_health_store BEFORE INSERT ON rollup_store_daily "
                + "FOR EACH ROW EXECUTE FUNCTION test_refuse_health_store()");
        try {
            JobExecution execution = runner.run("rollup", oneDay());
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            return execution;
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_health_store ON rollup_store_daily");
        }
    }

    private static Map<String, String> oneDay() {
        return Map.of("mode", "full", "from", DAY.toString(), "to", DAY.toString());
    }

    /** A job of the test's own name with three completed runs of one second each: its usual duration. */
    private String aJobThatTakesASecond() {
        String job = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDateTime start = LocalDateTime.now().minusDays(1);
        for (int i = 0; i < 3; i++) {
            JobExecution execution = anExecution(job);
            execution.setStartTime(start.plusMinutes(i));
            execution.setEndTime(start.plusMinutes(i).plusSeconds(1));
            execution.setStatus(BatchStatus.COMPLETED);
            repository.update(execution);
        }
        return job;
    }

    /** An execution as the job repository shows a run under way since {@code started}. */
    private JobExecution anExecutionRunningSince(String job, LocalDateTime started) {
        JobExecution execution = anExecution(job);
        execution.setStartTime(started);
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        probes.add(execution);
        return execution;
    }

    private JobExecution anExecution(String job) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong("run.id", jdbc.queryForObject("SELECT nextval('job_run_id')", Long.class))
                .toJobParameters();
        JobInstance instance = repository.createJobInstance(job, parameters);
        return repository.createJobExecution(instance, parameters, new ExecutionContext());
    }

    /** Stands for a schedule's job in Quartz; the test's scheduler never runs it. */
    public static class NeverRun implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            throw new IllegalStateException("the test's scheduler is never started");
        }
    }

    /** A fire row as the schedules' firer records it. */
    private void aFire(String schedule, String kind, String outcome, String message) {
        jdbc.update("INSERT INTO schedule_fire (schedule, fire_time, kind, parameters, outcome, instance, ended_at, "
                + "message) VALUES (?, now(), ?, '{}', ?, 'test-instance', now(), ?)",
                schedule, kind, outcome, message);
    }

    /** Plans one letter and sends it through the SMTP server at {@code port}; returns its key. */
    private String aLetterSent(int port) {
        String key = "report:store-daily:" + UUID.randomUUID();
        deliveries.plan(List.of(letter(key)));
        Integer configured = mail.getPort();
        mail.setPort(port);
        try {
            deliveries.send(List.of(key), 0);
        } finally {
            mail.setPort(configured);
        }
        return key;
    }

    private static Letter letter(String key) {
        return new Letter(key, 0, null, "manager@example.com", "店长", "北京朝阳店 日报", "您好", List.of(),
                "digest-" + key);
    }
}
