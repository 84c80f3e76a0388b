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

    private static final String[] CHANNELS = {"门店", "美团外卖", "饿了么", "小程序", "京东到家", "团购", "企业订餐", "跑腿🛵"};
    private static final String[] PRODUCTS = {"招牌牛肉面", "红烧肉饭", "宫保鸡丁", "鱼香肉丝", "酸辣土豆丝", "麻婆豆腐",
        "西红柿炒蛋", "可乐", "豆浆", "油条", "小笼包", "煎饺", "酸梅汤", "绿豆汤", "米饭", "炒河粉", "扬州炒饭", "凉皮",
        "肉夹馍", "奶茶"};
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
            List<Breakdown> channels = breakdowns(CHANNELS, 40);
            return new Figures.StoreDay(request.subject().name(), from, total(channels), headline(300),
                    headline(300), channels, breakdowns(PRODUCTS, 30).subList(0, 10));
        }
        List<StoreWeek> stores = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            stores.add(new StoreWeek("门店" + i, headline(2000), headline(2000)));
        }
        stores.sort((a, b) -> b.week().net().compareTo(a.week().net()));
        List<Breakdown> channels = breakdowns(CHANNELS, 8000);
        return new Figures.Week(from, total(channels), headline(60_000), stores, channels,
                breakdowns(PRODUCTS, 3000));
    }

    private Headline headline(int orders) {
        int count = orders / 2 + random.nextInt(orders);
        BigDecimal gross = amount(count * 45L);
        BigDecimal refunds = amount(count);
        return new Headline(count, count * 3L, count * 4L, gross, refunds, gross.subtract(refunds));
    }

    private static Headline total(List<Breakdown> rows) {
        Headline sum = new Headline(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        for (Breakdown b : rows) {
            sum = new Headline(sum.orders() + b.orders(), sum.lines() + b.quantity() / 2, sum.quantity() + b.quantity(),
                    sum.gross().add(b.gross()), sum.refunds().add(b.refunds()), sum.net().add(b.net()));
        }
        return sum;
    }

    private List<Breakdown> breakdowns(String[] names, int orders) {
        List<Breakdown> rows = new ArrayList<>();
        for (String name : names) {
            Headline h = headline(orders);
            rows.add(new Breakdown(name, h.orders(), h.quantity(), h.gross(), h.refunds(), h.net()));
        }
        rows.sort((a, b) -> b.net().compareTo(a.net()));
        return rows;
    }

    private BigDecimal amount(long scale) {
        return BigDecimal.valueOf(Math.round(random.nextDouble() * scale * 100), 2);
    }
}
