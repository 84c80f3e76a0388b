package com.nightshift.orders;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;

/**
 * Makes plausible order lines for a synthetic chain, reproducibly: the same request gives the same lines
 * in the same order. Busy stores sell more than quiet ones and weekends more than weekdays, a few products
 * sell most (a Zipf-like curve), an order has one to several lines, about 1% of orders are cancelled and about
 * 3% of lines refunded. Lines come in business-date order, as they do in a real chain's table.
 */
public final class OrderLineSource {

    private static final int OPENING_SECOND = 7 * 3600;
    private static final int OPEN_SECONDS = 15 * 3600;
    private static final double CANCELLED_ORDER_SHARE = 0.01;
    private static final double REFUNDED_LINE_SHARE = 0.03;
    private static final double ANOTHER_LINE_CHANCE = 0.55;
    private static final int MAX_LINES_PER_ORDER = 8;

    private final GenerateRequest request;
    private final List<String> stores;
    private final double[] storeWeight;
    private final List<String> products;
    private final double[] productCumulativeWeight;
    private final int[] productPriceCents;
    private final String[] channelByPerMille = new String[1000];
    private final String orderPrefix;

    public OrderLineSource(GenerateRequest request) {
        this.request = request;
        SplittableRandom catalogueRandom = new SplittableRandom(request.seed() ^ 0x5DEECE66DL);
        this.stores = ChainCatalogue.stores(request.stores());
        this.storeWeight = new double[stores.size()];
        for (int i = 0; i < storeWeight.length; i++) {
            storeWeight[i] = 0.5 + catalogueRandom.nextDouble();
        }
        this.products = ChainCatalogue.products();
        this.productCumulativeWeight = cumulative(products.size(), i -> 1.0 / (i + 1));
        this.productPriceCents = new int[products.size()];
        for (int i = 0; i < productPriceCents.length; i++) {
            productPriceCents[i] = 300 + catalogueRandom.nextInt(6000) + (catalogueRandom.nextInt(4) == 0 ? 50 : 0);
        }
        int slot = 0;
        for (ChainCatalogue.Channel channel : ChainCatalogue.CHANNELS) {
            for (int i = 0; i < channel.perMille(); i++) {
                channelByPerMille[slot++] = channel.name();
            }
        }
        this.orderPrefix = "G" + Long.toString(request.seed() & Long.MAX_VALUE, 36).toUpperCase() + "-";
    }

    /**
     * Hands every line, {@link GenerateRequest#lines()} of them, to {@code sink}, day by day and store by store,
     * as a chain's orders arrive: each store-day gets its share of the lines by store size and weekday.
     */
    public void forEach(Consumer<OrderLine> sink) {
        SplittableRandom random = new SplittableRandom(request.seed());
        double totalWeight = 0;
        for (int day = 0; day < request.days(); day++) {
            totalWeight += dayWeight(request.firstDate().plusDays(day));
        }
        double storeWeights = Arrays.stream(storeWeight).sum();
        double linesPerWeight = request.lines() / (totalWeight * storeWeights);
        double target = 0;
        long emitted = 0;
        long orderNumber = 0;
        for (int day = 0; day < request.days(); day++) {
            LocalDate date = request.firstDate().plusDays(day);
            for (int store = 0; store < stores.size(); store++) {
                target += linesPerWeight * dayWeight(date) * storeWeight[store];
                boolean lastCell = day == request.days() - 1 && store == stores.size() - 1;
                long budget = (lastCell ? request.lines() : Math.round(target)) - emitted;
                while (budget > 0) {
                    int lines = orderLines(random, budget);
                    emitOrder(++orderNumber, stores.get(store), date, lines, random, sink);
                    budget -= lines;
                    emitted += lines;
                }
            }
        }
    }

    private void emitOrder(long orderNumber, String store, LocalDate date, int lines, SplittableRandom random,
                           Consumer<OrderLine> sink) {
        String channel = channelByPerMille[random.nextInt(1000)];
        int second = OPENING_SECOND + random.nextInt(OPEN_SECONDS);
        boolean cancelled = random.nextDouble() < CANCELLED_ORDER_SHARE;
        String orderNo = orderPrefix + orderNumber;
        for (int line = 0; line < lines; line++) {
            int product = pick(productCumulativeWeight, random);
            int quantity = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(3);
            long cents = (long) productPriceCents[product] * quantity;
            String status = "completed";
            if (cancelled) {
                status = "cancelled";
            } else if (random.nextDouble() < REFUNDED_LINE_SHARE) {
                status = "refunded";
                cents = -cents;
            }
            sink.accept(new OrderLine(orderNo, store, date, second, products.get(product), channel, quantity,
                    cents, status));
        }
    }

    private static int orderLines(SplittableRandom random, long budget) {
        int lines = 1;
        while (lines < MAX_LINES_PER_ORDER && random.nextDouble() < ANOTHER_LINE_CHANCE) {
            lines++;
        }
        return (int) Math.min(lines, budget);
    }

    /** Weekends are busier. */
    private static double dayWeight(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case FRIDAY, SATURDAY, SUNDAY -> 1.3;
            default -> 1.0;
        };
    }

    private static double[] cumulative(int size, IntToDoubleFunction weight) {
        double[] cumulative = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += weight.applyAsDouble(i);
            cumulative[i] = total;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        int slot = index >= 0 ? index : -index - 1;
        return Math.min(slot, cumulative.length - 1);
    }
}
