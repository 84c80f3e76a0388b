package com.nightshift.reports.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.nightshift.reports.Headline;
import com.nightshift.reports.figures.Breakdown;
import com.nightshift.reports.figures.Figures;
import com.nightshift.reports.figures.StoreWeek;

/**
 * SHA-256 over a report's figures in a canonical text (one line per figure row, amounts at scale 2), with its
 * name, subject and period, but nothing that changes from one rendering to the next (time, execution, language):
 * a re-run over the same rollups gives the same digest, a changed order line a different one.
 */
final class FiguresDigest {

    private FiguresDigest() {
    }

    static String of(RenderRequest request, Figures figures) {
        StringBuilder text = new StringBuilder();
        line(text, "report", request.definition().name(), request.subject().scope(), request.subject().name(),
                request.period().key());
        headline(text, "headline", figures.headline());
        if (figures instanceof Figures.StoreDay day) {
            headline(text, "previous-day", day.previousDay());
            headline(text, "week-ago", day.weekAgo());
        } else if (figures instanceof Figures.Week week) {
            headline(text, "previous-week", week.previousWeek());
            for (StoreWeek store : week.stores()) {
                headline(text, "store\t" + store.store(), store.week());
                headline(text, "store-previous\t" + store.store(), store.previousWeek());
            }
        }
        breakdown(text, "channel", figures.channels());
        breakdown(text, "product", figures.topProducts());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void headline(StringBuilder text, String label, Headline h) {
        line(text, label, h.orders(), h.lines(), h.quantity(), h.gross().toPlainString(),
                h.refunds().toPlainString(), h.net().toPlainString());
    }

    private static void breakdown(StringBuilder text, String label, List<Breakdown> rows) {
        for (Breakdown b : rows) {
            line(text, label, b.name(), b.orders(), b.quantity(), b.gross().toPlainString(),
                    b.refunds().toPlainString(), b.net().toPlainString());
        }
    }

    private static void line(StringBuilder text, Object... values) {
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : "\t").append(values[i]);
        }
        text.append('\n');
    }
}
