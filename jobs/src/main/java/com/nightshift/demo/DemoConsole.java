package com.nightshift.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's tables as console lines, in columns that line up on a terminal whatever the mix of Chinese and
 * Latin text (see {@link DisplayWidth}).
 */
public final class DemoConsole {

    private static final int NAME_COLUMNS = 24;
    private static final int ORDERS_COLUMNS = 10;
    private static final int NET_COLUMNS = 16;

    private DemoConsole() {
    }

    public static List<String> figures(DemoFigures.DayFigures day) {
        List<String> lines = new ArrayList<>();
        lines.add("Figures for " + day.date() + " (from the rollups):");
        lines.add(row("", "orders", "net sales"));
        lines.add("  Whole chain");
        lines.add(figure(day.chain()));
        lines.add("  Top stores by net sales");
        day.topStores().forEach(figure -> lines.add(figure(figure)));
        lines.add("  Channels");
        day.channels().forEach(figure -> lines.add(figure(figure)));
        return lines;
    }

    public static List<String> outputs(List<DemoOutputs.Output> outputs) {
        int whereColumns = outputs.stream().mapToInt(output -> DisplayWidth.of(output.where())).max().orElse(0);
        List<String> lines = new ArrayList<>();
        lines.add("Outputs:");
        for (DemoOutputs.Output output : outputs) {
            lines.add("  " + DisplayWidth.padRight(output.kind(), 8) + " " + DisplayWidth.padRight(output.where(),
                    whereColumns) + " " + DisplayWidth.padLeft(String.format("%,d", output.count()), 12) + " "
                    + output.unit());
        }
        return lines;
    }

    private static String figure(DemoFigures.Figure figure) {
        return row(figure.what(), String.format("%,d", figure.orders()), String.format("%,.2f", figure.netAmount()));
    }

    private static String row(String name, String orders, String net) {
        return "    " + DisplayWidth.padRight(name, NAME_COLUMNS) + DisplayWidth.padLeft(orders, ORDERS_COLUMNS)
                + DisplayWidth.padLeft(net, NET_COLUMNS);
    }
}
