package com.nightshift.rollup.compute;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up one partition's order lines, given in date order, into its rows of the three rollups. Only one day is
 * open at a time, so memory holds one day's keys plus the finished rows, whatever the partition's length.
 *
 * <p>Per key: {@code orders} counts distinct order numbers among lines that are not cancelled; {@code lines}
 * counts such lines; {@code quantity} and gross sum completed lines; refund is the positive sum of refunded
 * lines' negative amounts. A key with no line that is not cancelled gets no row. Lines with a
 * {@link LineProblem} count nowhere and are kept for the quarantine.
 */
public final class PartitionTotals {

    private final String store;
    private final List<PartitionRow> storeDays = new ArrayList<>();
    private final List<PartitionRow> productDays = new ArrayList<>();
    private final List<PartitionRow> channelDays = new ArrayList<>();
    private final List<QuarantinedLine> problems = new ArrayList<>();
    private long lines;

    private LocalDate day;
    private final KeyTotals dayTotals = new KeyTotals();
    private final Set<String> dayOrders = new HashSet<>();
    private final Map<String, KeyTotals> products = new HashMap<>();
    private final Map<String, KeyTotals> channels = new HashMap<>();
    private final Set<NameAndOrder> productOrders = new HashSet<>();
    private final Set<NameAndOrder> channelOrders = new HashSet<>();

    public PartitionTotals(String store) {
        this.store = store;
    }

    public void add(OrderLine line) {
        if (day != null && line.date().isBefore(day)) {
            throw new IllegalArgumentException("order line " + line.id() + " of " + line.date()
                    + " arrived after lines of " + day + ": lines must come in date order");
        }
        lines++;
        if (!line.date().equals(day)) {
            closeDay();
            day = line.date();
        }
        String problem = LineProblem.of(store, line);
        if (problem != null) {
            problems.add(new QuarantinedLine(line.id(), store, line.date(), problem));
            return;
        }
        if (line.cancelled()) {
            return;
        }
        long cents = line.amount().movePointRight(2).longValueExact();
        long sold = line.completed() ? line.quantity() : 0;
        long gross = line.completed() ? cents : 0;
        long refund = line.refunded() ? -cents : 0;
        dayTotals.add(dayOrders.add(line.orderNo()), sold, gross, refund);
        products.computeIfAbsent(line.product(), name -> new KeyTotals())
                .add(productOrders.add(new NameAndOrder(line.product(), line.orderNo())), sold, gross, refund);
        channels.computeIfAbsent(line.channel(), name -> new KeyTotals())
                .add(channelOrders.add(new NameAndOrder(line.channel(), line.orderNo())), sold, gross, refund);
    }

    /** Ends the last day; call once, after the last line. */
    public void finish() {
        closeDay();
        day = null;
    }

    String store() {
        return store;
    }

    public long lines() {
        return lines;
    }

    List<PartitionRow> storeDays() {
        return storeDays;
    }

    List<PartitionRow> productDays() {
        return productDays;
    }

    List<PartitionRow> channelDays() {
        return channelDays;
    }

    public List<QuarantinedLine> problems() {
        return problems;
    }

    /** Rows leave in key order, the order of the tables' primary keys, which makes their index inserts cheap. */
    private void closeDay() {
        if (day == null) {
            return;
        }
        if (dayTotals.lines > 0) {
            storeDays.add(dayTotals.row(day, null));
        }
        addInKeyOrder(products, productDays);
        addInKeyOrder(channels, channelDays);
        dayTotals.clear();
        dayOrders.clear();
        products.clear();
        channels.clear();
        productOrders.clear();
        channelOrders.clear();
    }

    private void addInKeyOrder(Map<String, KeyTotals> totals, List<PartitionRow> rows) {
        List<String> names = new ArrayList<>(totals.keySet());
        Collections.sort(names);
        for (String name : names) {
            rows.add(totals.get(name).row(day, name));
        }
    }

    private record NameAndOrder(String name, String orderNo) {
    }

    private static final class KeyTotals {
        private long orders;
        private long lines;
        private long quantity;
        private long grossCents;
        private long refundCents;

        void add(boolean newOrder, long sold, long gross, long refund) {
            if (newOrder) {
                orders++;
            }
            lines++;
            quantity += sold;
            grossCents += gross;
            refundCents += refund;
        }

        PartitionRow row(LocalDate day, String name) {
            return new PartitionRow(day, name, orders, lines, quantity, grossCents, refundCents);
        }

        void clear() {
            orders = 0;
            lines = 0;
            quantity = 0;
            grossCents = 0;
            refundCents = 0;
        }
    }
}
