package com.nightshift.reports.job;

import static com.nightshift.support.OrderLineRows.aLine;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.nightshift.ops.JobRunner;
import com.nightshift.recipients.Recipient;
import com.nightshift.recipients.RecipientDirectory;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTableState;

/**
 * The engine on the real servers with the TEST-ONLY stand-ins of {@link ReportJobTestParts}, a chain of three
 * stores in two regions, and people who receive their reports in Chinese and in English.
 */
@Import(ReportJobTestParts.class)
@TestPropertySource(properties = {"spring.quartz.scheduler-name=nightshift-report-test",
        // long enough for a small rollup on a busy machine, short enough for the test that waits it out
        "nightshift.reports.completeness-deadline=8s"})
abstract class ReportJobTestBase extends IntegrationTest {

    static final String BEIJING = "北京朝阳店";
    static final String TIANJIN = "天津滨江道店";
    static final String SHANGHAI = "上海浦东店😀";
    static final String NORTH = "华北";
    static final String EAST = "华东";
    /** A Thursday in ISO week 2026-W45 (Monday 2 November to Sunday 8 November). */
    static final LocalDate DAY = LocalDate.of(2026, 11, 5);
    static final String WEEK = "2026-W45";

    static final Recipient ZHANG = new Recipient(1, "zhang.san@example.com", "张三", Locale.forLanguageTag("zh-CN"),
            List.of(BEIJING), List.of(), false);
    static final Recipient LI = new Recipient(2, "li.si@example.com", "李四", Locale.forLanguageTag("zh-CN"),
            List.of(), List.of(NORTH), false);
    static final Recipient WANG = new Recipient(3, "wang.wu@example.com", "Wang Wu", Locale.ENGLISH,
            List.of(SHANGHAI), List.of(), false);
    static final Recipient HQ = new Recipient(4, "hq@example.com", "Head Office", Locale.ENGLISH,
            List.of(), List.of(), true);

    @Autowired
    JobRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportJobTestParts.TestRenderer renderer;
    @Autowired
    ReportJobTestParts.TestRegistry registry;
    @Autowired
    ReportJobTestParts.InMemoryDeliveries deliveries;

    @BeforeEach
    void aChainWithItsRecipients() {
        RollupTableState.clear(jdbc);
        jdbc.execute("TRUNCATE rollup_store_day_state, report_letter_content, report_archive RESTART IDENTITY");
        jdbc.execute("DROP TRIGGER IF EXISTS test_refuse_store ON rollup_store_daily");
        // a failed run of the same parameters would be resumed rather than started afresh
        jdbc.update("UPDATE batch_job_execution SET status = 'ABANDONED' WHERE status IN ('FAILED', 'STOPPED')");
        renderer.rendered.clear();
        renderer.failingSubjects.clear();
        deliveries.clear();
        registry.problems.set(List.of());
        registry.directory.set(new RecipientDirectory(Map.of(NORTH, List.of(BEIJING, TIANJIN), EAST,
                List.of(SHANGHAI)), List.of(ZHANG, LI, WANG, HQ)));
    }

    /** Lines of every store on the report date, the day before and a week earlier, rolled up. */
    void ordersRolledUp() throws Exception {
        for (String store : List.of(BEIJING, TIANJIN, SHANGHAI)) {
            for (LocalDate day : List.of(DAY.minusWeeks(1), DAY.minusDays(1), DAY)) {
                aLine().store(store).on(day).amount("100.00").insert(jdbc);
            }
        }
        rollUp();
    }

    void rollUp() throws Exception {
        runner.run("rollup", Map.of("mode", "full", "from", DAY.minusWeeks(2).toString(), "to", DAY.plusWeeks(1)
                .toString()));
    }
}
