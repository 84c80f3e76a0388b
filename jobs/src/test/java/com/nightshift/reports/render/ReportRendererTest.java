package com.nightshift.reports.render;

import static com.nightshift.reports.render.ReportFiles.pdfLine;
import static com.nightshift.reports.render.ReportFiles.pdfPages;
import static com.nightshift.reports.render.ReportFiles.pdfText;
import static com.nightshift.reports.render.ReportFiles.xlsxRow;
import static com.nightshift.reports.render.ReportFiles.xlsxRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.ReportCatalog;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportSubject;
import com.nightshift.reports.figures.Figures;
import com.nightshift.support.IntegrationTest;
import com.nightshift.support.RollupTestData;

/**
 * Reports rendered from rollup rows written straight into the tables: what PDFBox reads out of the PDF and POI
 * out of the XLSX equals what the tables hold, read back here with plain SQL.
 */
class ReportRendererTest extends IntegrationTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    static final IsoWeek WEEK = IsoWeek.of(DAY);
    static final Locale ZH = Locale.forLanguageTag("zh-CN");
    static final String BEIJING = "北京朝阳店";
    static final String CHENGDU = "成都春熙路店🐼";
    static final String REFUNDS_ONLY = "天津退款店";
    static final String NO_ORDERS = "西安空店";
    static final String SLIGHT_DECLINE = "天津滨江道店";
    static final String LAST_WEEK_ONLY = "上海南京路店";
    static final List<String> REGION = List.of(BEIJING, REFUNDS_ONLY, SLIGHT_DECLINE, "石家庄店");
    static final DataAsOf AS_OF = new DataAsOf(OffsetDateTime.of(2026, 11, 19, 1, 30, 0, 0, ZoneOffset.UTC), 77);

    @Autowired
    ReportRenderer renderer;
    @Autowired
    ReportCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisConnectionFactory redis;

    @BeforeEach
    void rollups() {
        RollupTestData rollups = new RollupTestData(jdbc, redis);
        rollups.clear();
        rollups.storeDaily(BEIJING, DAY).orders(12).lines(30).quantity(41).gross("1234.56").refund("12.30").insert();
        rollups.storeDaily(BEIJING, DAY.minusDays(1)).orders(10).lines(20).quantity(25).gross("1000.00").insert();
        rollups.storeDaily(BEIJING, DAY.minusWeeks(1)).orders(800).lines(1600).quantity(2000).gross("1234567.89")
                .refund("100.00").insert();
        rollups.storeChannelDaily(BEIJING, DAY, "美团外卖").orders(7).quantity(25).gross("800.00").refund("12.30").insert();
        rollups.storeChannelDaily(BEIJING, DAY, "门店").orders(5).quantity(16).gross("434.56").insert();
        for (int i = 1; i <= 12; i++) {
            rollups.storeProductDaily(BEIJING, DAY, "商品%02d".formatted(i)).orders(1).quantity(i)
                    .gross(i * 10 + ".25").insert();
        }
        rollups.storeDaily(CHENGDU, DAY).orders(3).lines(4).quantity(5).gross("88.80").insert();
        rollups.storeChannelDaily(CHENGDU, DAY, "小程序").orders(3).quantity(5).gross("88.80").insert();
        rollups.storeProductDaily(CHENGDU, DAY, "麻辣香锅🌶").orders(3).quantity(5).gross("88.80").insert();
        rollups.storeDaily(REFUNDS_ONLY, DAY).orders(2).lines(2).quantity(0).gross("0.00").refund("25.50").insert();
        rollups.storeChannelDaily(REFUNDS_ONLY, DAY, "饿了么").orders(2).quantity(0).gross("0.00").refund("25.50")
                .insert();
        rollups.storeProductDaily(REFUNDS_ONLY, DAY, "豆浆").orders(2).quantity(0).gross("0.00").refund("25.50")
                .insert();
        rollups.storeDaily(NO_ORDERS, DAY.minusDays(1)).orders(4).lines(4).quantity(4).gross("40.00").insert();
        rollups.storeDaily(SLIGHT_DECLINE, WEEK.monday().plusDays(4)).gross("95.00").insert();
        rollups.storeDaily(SLIGHT_DECLINE, WEEK.monday().minusDays(3)).gross("100.00").insert();
        rollups.storeDaily(LAST_WEEK_ONLY, WEEK.monday().minusDays(6)).gross("50.00").insert();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"北京朝阳店, 2026-11-18", "北京朝阳店, 2026-11-17", "成都春熙路店🐼, 2026-11-18", "天津退款店, 2026-11-18",
            "西安空店, 2026-11-17"})
    void theStoreDayPdfShowsTheRollupFiguresOfTheDayThePreviousDayAndAWeekBefore(String store, LocalDate day) {
        String text = pdfText(render("store-daily", ReportSubject.store(store), ReportPeriod.day(day), ZH).pdf());

        for (Map.Entry<String, String> metric : Map.of("订单数", "orders", "订单行数", "lines", "数量", "quantity",
                "销售额（元）", "gross_amount", "退款（元）", "refund_amount", "净额（元）", "net_amount").entrySet()) {
            boolean amount = metric.getValue().endsWith("amount");
            List<String> words = pdfLine(text, metric.getKey());
            assertThat(words.get(0)).as(metric.getKey()).isEqualTo(shown(daily(store, day, metric.getValue()), amount));
            assertThat(words.get(1)).as(metric.getKey())
                    .isEqualTo(shown(daily(store, day.minusDays(1), metric.getValue()), amount));
            assertThat(words).as(metric.getKey())
                    .contains(shown(daily(store, day.minusWeeks(1), metric.getValue()), amount));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"北京朝阳店, 2026-11-18", "成都春熙路店🐼, 2026-11-18", "天津退款店, 2026-11-18", "西安空店, 2026-11-17"})
    void theStoreDayXlsxHasTheRollupFiguresAsNumericCells(String store, LocalDate day) {
        byte[] xlsx = render("store-daily", ReportSubject.store(store), ReportPeriod.day(day), ZH).xlsx();

        assertThat(xlsxRow(xlsx, "净额（元）").subList(0, 2)).containsExactly(
                daily(store, day, "net_amount").doubleValue(), daily(store, day.minusDays(1), "net_amount").doubleValue());
        assertThat(xlsxRow(xlsx, "订单数").get(0)).isEqualTo(daily(store, day, "orders").doubleValue());
        assertThat(xlsxRow(xlsx, "退款（元）").get(0)).isEqualTo(daily(store, day, "refund_amount").doubleValue());
    }

    @Test
    void changesAreInPercentOfTheEarlierDay() {
        String text = pdfText(render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH).pdf());

        // net 1,222.26 against 1,000.00 the day before and 1,234,467.89 a week before
        assertThat(pdfLine(text, "净额（元）")).containsExactly("1,222.26", "1,000.00", "+22.2%", "1,234,467.89", "-99.9%");
    }

    @Test
    void theChannelMixAndTheTopTenProductsAreTheRollupsBestFirst() {
        RenderedReport report = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH);
        String text = pdfText(report.pdf());

        assertThat(pdfLine(text, "美团外卖")).containsExactly("7", "25", "800.00", "12.30", "787.70", "64.4%");
        assertThat(pdfLine(text, "门店")).containsExactly("5", "16", "434.56", "0.00", "434.56", "35.6%");
        List<String> products = jdbc.queryForList("SELECT product_name FROM rollup_store_product_daily"
                + " WHERE store_name = ? AND business_date = ? ORDER BY net_amount DESC LIMIT 10", String.class, BEIJING, DAY);
        for (int rank = 1; rank <= 10; rank++) {
            assertThat(pdfLine(text, String.valueOf(rank)).get(0)).isEqualTo(products.get(rank - 1));
        }
        assertThat(text).doesNotContain("商品01", "商品02");
        assertThat(xlsxRow(report.xlsx(), "商品12")).containsExactly(1.0, 12.0, 120.25, 0.0, 120.25);
    }

    @Test
    void aRefundOnlyDayShowsItsNegativeNet() {
        RenderedReport report = render("store-daily", ReportSubject.store(REFUNDS_ONLY), ReportPeriod.day(DAY), ZH);

        assertThat(pdfLine(pdfText(report.pdf()), "饿了么")).containsExactly("2", "0", "0.00", "25.50", "-25.50", "100.0%");
        assertThat(report.headline().net()).isEqualByComparingTo("-25.50");
        assertThat(xlsxRow(report.xlsx(), "豆浆")).containsExactly(2.0, 0.0, 0.0, 25.5, -25.5);
    }

    @Test
    void aStoreWithNoOrdersThatDayGetsAOnePageReportSayingSo() {
        RenderedReport report = render("store-daily", ReportSubject.store(NO_ORDERS), ReportPeriod.day(DAY), ZH);
        String text = pdfText(report.pdf());

        assertThat(text).contains("本营业日无订单。");
        assertThat(pdfLine(text, "订单数")).as("the day before still shows").startsWith("0", "4");
        assertThat(pdfPages(report.pdf())).isEqualTo(1);
        assertThat(xlsxRows(report.xlsx())).anyMatch(row -> row.contains("本营业日无订单。"));
        assertThat(report.headline().orders()).isZero();
    }

    @Test
    void aStoreWithOrdersDoesNotSayItHasNone() {
        String text = pdfText(render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH).pdf());

        assertThat(text).doesNotContain("本营业日无订单。");
    }

    @Test
    void chineseAndEmojiNamesAreInThePdfTextAndTheXlsxCells() {
        RenderedReport report = render("store-daily", ReportSubject.store(CHENGDU), ReportPeriod.day(DAY), ZH);
        String text = pdfText(report.pdf());

        assertThat(text).contains("门店日报 · 成都春熙路店🐼", "小程序", "麻辣香锅🌶");
        assertThat(xlsxRows(report.xlsx())).anyMatch(row -> row.contains("麻辣香锅🌶"));
    }

    @Test
    void zhCnReportsHaveChineseLabelsAndDates() {
        String text = pdfText(render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH).pdf());

        assertThat(text).contains("门店日报", "2026年11月18日星期三", "渠道构成", "净额前十商品");
    }

    @Test
    void englishReportsHaveEnglishLabelsAndDates() {
        RenderedReport report = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY),
                Locale.ENGLISH);
        String text = pdfText(report.pdf());

        assertThat(text).contains("Store daily report", "Wednesday, November 18, 2026", "Channel mix",
                "Top 10 products by net").doesNotContain("门店日报", "渠道构成");
        assertThat(pdfLine(text, "Net (CNY)")).startsWith("1,222.26", "1,000.00");
        assertThat(xlsxRow(report.xlsx(), "Net (CNY)").get(0)).isEqualTo(1222.26);
    }

    @ParameterizedTest
    @CsvSource({"store-daily, zh-CN", "region-weekly, en", "chain-weekly, zh-CN"})
    void everyReportShowsTheDataAsOfAndTheExecutionThatRenderedIt(String name, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String text = pdfText(render(name, subjectOf(name), periodOf(name), locale).pdf()).replace('\n', ' ');

        String asOf = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(AS_OF.asOf().atZoneSameInstant(ZoneId.of("Asia/Shanghai")));
        assertThat(text).contains(asOf, "#77", "#4242");
    }

    @Test
    void theRegionWeekRanksOnlyTheRegionsStoresByNetWithTheirWeekOverWeekChange() {
        RenderedReport report = render("region-weekly", ReportSubject.region("华北"), ReportPeriod.week(WEEK), ZH);
        String text = pdfText(report.pdf());

        // 北京朝阳店: this week 1,222.26 + 1,000.00; the week before 1,234,467.89
        assertThat(pdfLine(text, "1")).containsExactly(BEIJING, "▼", "22", "2,234.56", "12.30", "2,222.26",
                "1,234,467.89", "-99.8%");
        assertThat(pdfLine(text, "2")).containsExactly(SLIGHT_DECLINE, "1", "95.00", "0.00", "95.00", "100.00", "-5.0%");
        assertThat(pdfLine(text, "3").get(0)).isEqualTo("石家庄店");
        assertThat(pdfLine(text, "4")).containsExactly(REFUNDS_ONLY, "2", "0.00", "25.50", "-25.50", "0.00");
        assertThat(text).doesNotContain(CHENGDU, LAST_WEEK_ONLY, NO_ORDERS);
        assertThat(report.headline().net()).isEqualByComparingTo(weekNet(REGION, WEEK.monday()));
    }

    @Test
    void storesWhoseNetFellMoreThanTheConfiguredPercentageAreFlagged() {
        byte[] xlsx = render("region-weekly", ReportSubject.region("华北"), ReportPeriod.week(WEEK), Locale.ENGLISH).xlsx();

        List<List<Object>> rows = xlsxRows(xlsx);
        int declines = indexOfRowWith(rows, "Stores whose net fell more than 10% from the week before");
        assertThat(rows.get(declines + 2)).startsWith(1.0, BEIJING + " ▼");
        assertThat(rows.stream().flatMap(List::stream)).doesNotContain(SLIGHT_DECLINE + " ▼");
    }

    @Test
    void theChainWeekHasEveryStoreOfTheWeekAndTheWeekBefore() {
        RenderedReport report = render("chain-weekly", ReportSubject.chain(), ReportPeriod.week(WEEK), ZH);
        String text = pdfText(report.pdf());

        assertThat(text).contains(BEIJING, CHENGDU, REFUNDS_ONLY, SLIGHT_DECLINE, NO_ORDERS);
        assertThat(text.lines().filter(line -> line.contains(LAST_WEEK_ONLY + " ▼")).findFirst()).hasValueSatisfying(
                line -> assertThat(line).endsWith("0.00 50.00 -100.0%"));
        assertThat(text).doesNotContain("石家庄店");
        assertThat(xlsxRow(report.xlsx(), "净额（元）").subList(0, 2)).containsExactly(
                weekNet(null, WEEK.monday()).doubleValue(), weekNet(null, WEEK.monday().minusWeeks(1)).doubleValue());
    }

    @Test
    void theFiguresDigestIsTheSameInEveryLanguageAndExecution() {
        RenderedReport zh = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH);
        RenderedReport en = renderer.render(new RenderRequest(catalog.named("store-daily").orElseThrow(),
                ReportSubject.store(BEIJING), ReportPeriod.day(DAY), Locale.ENGLISH, List.of(),
                new DataAsOf(AS_OF.asOf().plusHours(1), 78), 4343));

        assertThat(en.figuresDigest()).isEqualTo(zh.figuresDigest()).hasSize(64);
        assertThat(en.pdf()).isNotEqualTo(zh.pdf());
    }

    @Test
    void theFiguresDigestChangesWithAFigure() {
        String before = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH).figuresDigest();
        jdbc.update("UPDATE rollup_store_product_daily SET net_amount = net_amount + 0.01"
                + " WHERE store_name = ? AND business_date = ? AND product_name = '商品05'", BEIJING, DAY);

        String after = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH).figuresDigest();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theHeadlineIsTheSubjectsTotalsForThePeriod() {
        RenderedReport report = render("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY), ZH);

        assertThat(report.headline().orders()).isEqualTo(12);
        assertThat(report.headline().lines()).isEqualTo(30);
        assertThat(report.headline().quantity()).isEqualTo(41);
        assertThat(report.headline().gross()).isEqualByComparingTo("1234.56");
        assertThat(report.headline().refunds()).isEqualByComparingTo("12.30");
        assertThat(report.headline().net()).isEqualByComparingTo("1222.26");
    }

    @Test
    void theBareEngineRendersFiguresReadBeforehandAsTheRendererDoes() {
        List<RenderRequest> requests = List.of(request("store-daily", ReportSubject.store(BEIJING), ReportPeriod.day(DAY)),
                request("store-daily", ReportSubject.store(CHENGDU), ReportPeriod.day(DAY)));
        List<Figures> figures = requests.stream().map(renderer::figures).toList();

        List<RenderedReport> bare = List.of(renderer.engine().render(requests.get(0), figures.get(0)),
                renderer.engine().render(requests.get(1), figures.get(1)));

        assertThat(bare).extracting(RenderedReport::figuresDigest).containsExactly(
                renderer.render(requests.get(0)).figuresDigest(), renderer.render(requests.get(1)).figuresDigest());
        assertThat(pdfText(bare.get(1).pdf())).contains("麻辣香锅🌶");
    }

    private RenderRequest request(String name, ReportSubject subject, ReportPeriod period) {
        return new RenderRequest(catalog.named(name).orElseThrow(), subject, period, ZH, List.of(), AS_OF, 4242);
    }

    private RenderedReport render(String name, ReportSubject subject, ReportPeriod period, Locale language) {
        return renderer.render(new RenderRequest(catalog.named(name).orElseThrow(), subject, period, language,
                subject.scope() == ReportScope.REGION_WEEK ? REGION : List.of(), AS_OF, 4242));
    }

    private static ReportSubject subjectOf(String name) {
        return switch (name) {
            case "store-daily" -> ReportSubject.store(BEIJING);
            case "region-weekly" -> ReportSubject.region("华北");
            default -> ReportSubject.chain();
        };
    }

    private static ReportPeriod periodOf(String name) {
        return name.equals("store-daily") ? ReportPeriod.day(DAY) : ReportPeriod.week(WEEK);
    }

    private BigDecimal daily(String store, LocalDate day, String column) {
        List<BigDecimal> values = jdbc.queryForList("SELECT " + column + "::numeric FROM rollup_store_daily"
                + " WHERE store_name = ? AND business_date = ?", BigDecimal.class, store, day);
        return values.isEmpty() ? BigDecimal.ZERO : values.get(0);
    }

    private BigDecimal weekNet(List<String> stores, LocalDate monday) {
        String only = stores == null ? "" : " AND store_name = ANY(?::text[])";
        Object[] args = stores == null ? new Object[] {monday, monday.plusDays(6)}
                : new Object[] {monday, monday.plusDays(6), "{" + String.join(",", stores) + "}"};
        return jdbc.queryForObject("SELECT coalesce(sum(net_amount), 0) FROM rollup_store_daily"
                + " WHERE business_date BETWEEN ? AND ?" + only, BigDecimal.class, args);
    }

    private static String shown(BigDecimal value, boolean amount) {
        return new DecimalFormat(amount ? "#,##0.00" : "#,##0").format(value);
    }

    private static int indexOfRowWith(List<List<Object>> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row with '" + text + "'");
    }
}
