package com.nightshift.delivery;

import java.util.Collection;

/** The ledger rows one sending works through: those of some keys, or some rows by id (resends). */
record LedgerScope(String condition, Object values) {

    static LedgerScope keys(Collection<String> deliveryKeys) {
        return new LedgerScope("delivery_key = ANY(?)", deliveryKeys.toArray(String[]::new));
    }

    static LedgerScope ids(Collection<Long> ids) {
        return new LedgerScope("id = ANY(?)", ids.toArray(Long[]::new));
    }

    /** At most {@code senders}, and no more than the rows when they are known (a resend of one letter: one). */
    int senders(int senders) {
        return values instanceof Long[] ids ? Math.max(1, Math.min(senders, ids.length)) : senders;
    }
}
