package com.nightshift.reports.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.nightshift.calendar.IsoWeek;
import com.nightshift.reports.DataAsOf;
import com.nightshift.reports.Headline;
import com.nightshift.reports.ReportDefinition;
import com.nightshift.reports.ReportPeriod;
import com.nightshift.reports.ReportScope;
import com.nightshift.reports.ReportSubject;
import com.nightshift.reports.figures.Breakdown;
import com.nightshift.reports.figures.Figures;
import com.nightshift.reports.figures.StoreWeek;

/**
 * Made-up figures of a realistic size (8 channels, 10 or 20 products, Chinese names), so that a template can be
 * filled with no database: by the packaged jar's template check and by the benchmark of the bare renderer.
 * The same seed gives the same figures.
 */
public final class SampleFigures {

    private static final String[] CHANNELS = {"门店", "美团外卖", "饿了么", "小程序", "京东到家", "团购", "企业订餐", "电话"};
    private static final OffsetDateTime AS_OF = OffsetDateTime.of(2026, 11, 29, 2, 15, 0, 0, ZoneOffset.UTC);

    private final Random random;

    public SampleFigures(long seed) {
        this.random = new Random(seed);
    }

    /** A request for {@code definition} about a made-up subject of its scope, in {@code language}. */
    public static RenderRequest request(ReportDefinition definition, Locale language, long jobExecutionId) {
        LocalDate day = LocalDate.of(2026, 11, 28);
        ReportScope scope = definition.scope();
        ReportSubject subject = switch (scope) {
            case STORE_DAY -> ReportSubject.store("北京朝阳店");
            case REGION_WEEK -> ReportSubject.region("华北");
            case CHAIN_WEEK -> ReportSubject.chain();
        };
        ReportPeriod period = scope.weekly() ? ReportPeriod.week(IsoWeek.of(day)) : ReportPeriod.day(day);
        List<String> regionStores = scope == ReportScope.REGION_WEEK ? List.of("北京朝阳店", "天津滨江道店") : List.of();
        return new RenderRequest(definition, subject, period, language, regionStores, new DataAsOf(AS_OF, 1),
                jobExecutionId);
    }

    /** Figures of the request's scope. */
    public Figures figuresFor(RenderRequest request) {
        LocalDate from = request.period().from();
        if (request.definition().scope() == ReportScope.STORE_DAY) {
            return new Figures.StoreDay(request.subject().name(), from, headline(300), headline(300),
                    headline(300), breakdowns("", CHANNELS.length, 300), breakdowns("商品", 10, 60));
        }
        List<StoreWeek> stores = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            stores.add(new StoreWeek("门店" + i, headline(2000), headline(2000)));
        }
        stores.sort((a, b) -> b.week().net().compareTo(a.week().net()));
        return new Figures.Week(from, headline(60_000), headline(60_000), stores,
                breakdowns("", CHANNELS.length, 8000), breakdowns("商品", 20, 3000));
    }

    private Headline headline(int orders) {
        int count = orders / 2 + random.nextInt(orders);
        BigDecimal gross = amount(count * 45L);
        BigDecimal refunds = amount(count);
        return new Headline(count, count * 3L, count * 4L, gross, refunds, gross.subtract(refunds));
    }

    private List<Breakdown> breakdowns(String prefix, int n, int orders) {
        List<Breakdown> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Headline h = headline(orders);
            rows.add(new Breakdown(prefix.isEmpty() ? CHANNELS[i] : prefix + (i + 1), h.orders(), h.quantity(),
                    h.gross(), h.refunds(), h.net()));
        }
        rows.sort((a, b) -> b.net().compareTo(a.net()));
        return rows;
    }

    private BigDecimal amount(long scale) {
        return BigDecimal.valueOf(Math.round(random.nextDouble() * scale * 100), 2);
    }
}
