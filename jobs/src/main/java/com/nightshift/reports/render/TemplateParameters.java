package com.nightshift.reports.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import com.nightshift.reports.Headline;
import com.nightshift.reports.figures.Breakdown;
import com.nightshift.reports.figures.Figures;
import com.nightshift.reports.figures.StoreWeek;

import net.sf.jasperreports.engine.JRParameter;

/**
 * The parameters every template of a scope receives (documented in {@code reports/README.md}, which a template
 * author reads instead of this class). Tables are lists of maps, one map per row, turned into data sources by
 * the template itself so that it may iterate one twice (a table and its chart).
 */
final class TemplateParameters {

    private static final String[] METRICS = {"orders", "lines", "quantity", "gross", "refunds", "net"};

    private TemplateParameters() {
    }

    static Map<String, Object> of(RenderRequest request, Figures figures, ResourceBundle labels, ZoneId zone,
                                  BigDecimal declineFlagPercent) {
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, request.language());
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels);
        p.put("reportName", request.definition().name());
        p.put("subject", request.subject().name());
        p.put("periodKey", request.period().key());
        p.put("periodFrom", request.period().from());
        p.put("periodTo", request.period().to());
        p.put("dataAsOf", request.asOf().asOf().atZoneSameInstant(zone));
        p.put("rollupExecutionId", request.asOf().rollupExecutionId());
        p.put("jobExecutionId", request.jobExecutionId());
        p.put("noOrders", figures.headline().orders() == 0 && figures.headline().lines() == 0);
        p.put("channels", breakdown(figures.channels(), figures.headline().net(), "channel"));
        p.put("products", breakdown(figures.topProducts(), null, "product"));
        if (figures instanceof Figures.StoreDay day) {
            p.put("previousDate", day.date().minusDays(1));
            p.put("weekAgoDate", day.date().minusWeeks(1));
            p.put("comparison", comparison(day.headline(), day.previousDay(), day.weekAgo()));
        } else if (figures instanceof Figures.Week week) {
            p.put("comparison", comparison(week.headline(), week.previousWeek(), null));
            p.put("declineFlagPercent", declineFlagPercent);
            List<Map<String, Object>> stores = stores(week.stores(), declineFlagPercent);
            p.put("stores", stores);
            p.put("declines", stores.stream().filter(row -> (Boolean) row.get("flagged")).toList());
        }
        return p;
    }

    private static List<Map<String, Object>> comparison(Headline current, Headline previous, Headline weekAgo) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String metric : METRICS) {
            Function<Headline, BigDecimal> value = h -> metric(h, metric);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", metric);
            row.put("amount", !metric.equals("orders") && !metric.equals("lines") && !metric.equals("quantity"));
            row.put("current", value.apply(current));
            row.put("previous", value.apply(previous));
            row.put("previousChange", change(value.apply(current), value.apply(previous)));
            if (weekAgo != null) {
                row.put("weekAgo", value.apply(weekAgo));
                row.put("weekAgoChange", change(value.apply(current), value.apply(weekAgo)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> breakdown(List<Breakdown> rows, BigDecimal totalNet, String nameKey) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Breakdown b : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", maps.size() + 1);
            row.put(nameKey, b.name());
            row.put("orders", b.orders());
            row.put("quantity", b.quantity());
            row.put("gross", b.gross());
            row.put("refunds", b.refunds());
            row.put("net", b.net());
            if (totalNet != null) {
                row.put("share", ratio(b.net(), totalNet));
            }
            maps.add(row);
        }
        return maps;
    }

    private static List<Map<String, Object>> stores(List<StoreWeek> stores, BigDecimal declineFlagPercent) {
        BigDecimal threshold = declineFlagPercent.movePointLeft(2).negate();
        List<Map<String, Object>> maps = new ArrayList<>();
        for (StoreWeek s : stores) {
            BigDecimal change = change(s.week().net(), s.previousWeek().net());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", maps.size() + 1);
            row.put("store", s.store());
            row.put("orders", s.week().orders());
            row.put("gross", s.week().gross());
            row.put("refunds", s.week().refunds());
            row.put("net", s.week().net());
            row.put("previousNet", s.previousWeek().net());
            row.put("change", change);
            row.put("flagged", change != null && change.compareTo(threshold) < 0);
            maps.add(row);
        }
        return maps;
    }

    private static BigDecimal metric(Headline h, String metric) {
        return switch (metric) {
            case "orders" -> BigDecimal.valueOf(h.orders());
            case "lines" -> BigDecimal.valueOf(h.lines());
            case "quantity" -> BigDecimal.valueOf(h.quantity());
            case "gross" -> h.gross();
            case "refunds" -> h.refunds();
            default -> h.net();
        };
    }

    /** The change from {@code before} to {@code now} as a fraction (0.125 is +12.5 %); null from nothing. */
    static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).divide(before.abs(), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
