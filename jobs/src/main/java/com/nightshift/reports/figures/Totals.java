package com.nightshift.reports.figures;

import java.math.BigDecimal;
import java.util.Collection;

import com.nightshift.reports.Headline;

/** Sums of {@link Headline}s, and the totals of a subject that sold nothing. */
final class Totals {

    static final BigDecimal NO_AMOUNT = new BigDecimal("0.00");
    static final Headline NONE = new Headline(0, 0, 0, NO_AMOUNT, NO_AMOUNT, NO_AMOUNT);

    private Totals() {
    }

    static Headline sum(Collection<Headline> headlines) {
        Headline sum = NONE;
        for (Headline h : headlines) {
            sum = new Headline(sum.orders() + h.orders(), sum.lines() + h.lines(), sum.quantity() + h.quantity(),
                    sum.gross().add(h.gross()), sum.refunds().add(h.refunds()), sum.net().add(h.net()));
        }
        return sum;
    }
}
