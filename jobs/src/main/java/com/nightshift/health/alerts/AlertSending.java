package com.nightshift.health.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryCounts;
import com.nightshift.delivery.DeliveryState;

/**
 * Sends the alerts' letters through the delivery ledger: the new decision's, and those of recent decisions that
 * are not delivered yet. A letter left PENDING by a process killed after deciding is sent by the ledger as any
 * due letter; one that FAILED (the mail server was down through all its attempts, or refused it) is sent again as
 * a resend, because an alert the server never took is still owed. UNCERTAIN letters are never sent again by
 * themselves (see the README's "Delivery, exactly once").
 */
@Component
class AlertSending {

    static final String REQUESTED_BY = "health alerts (not taken by the mail server before)";

    private final Deliveries deliveries;
    private final AlertHistory alertHistory;
    private final AlertProperties properties;

    AlertSending(Deliveries deliveries, AlertHistory alertHistory, AlertProperties properties) {
        this.deliveries = deliveries;
        this.alertHistory = alertHistory;
        this.properties = properties;
    }

    /** What a sending did: the ledger's counts, and how many earlier failed letters went this time. */
    record Sent(DeliveryCounts counts, int resent) {
    }

    Sent send(Optional<String> newKey, long jobExecutionId) {
        Set<String> earlier = new LinkedHashSet<>(alertHistory.keysWithin(properties.resendWithin()));
        newKey.ifPresent(earlier::remove);
        int resent = resendFailed(earlier);
        Set<String> keys = new LinkedHashSet<>(earlier);
        newKey.ifPresent(keys::add);
        DeliveryCounts counts = keys.isEmpty() ? new DeliveryCounts(0, 0, 0, 0, 0)
                : deliveries.send(keys, jobExecutionId);
        return new Sent(counts, resent);
    }

    /**
     * Resends the failed letters of these keys to the people on call now, newest key first, and stops at the first
     * key whose resends all fail: the mail server is still down, and each further key would wait out the ledger's
     * retries again (minutes each). The next run goes on from there.
     */
    private int resendFailed(Set<String> keys) {
        List<String> newestFirst = new ArrayList<>(keys);
        Collections.reverse(newestFirst);
        int resent = 0;
        for (String key : newestFirst) {
            if (properties.recipients().stream().anyMatch(email -> deliveries.latest(key, email)
                    .filter(letter -> letter.state() == DeliveryState.FAILED).isPresent())) {
                int delivered = deliveries.resendFailed(key, REQUESTED_BY);
                if (delivered == 0) {
                    break;
                }
                resent += delivered;
            }
        }
        return resent;
    }
}
