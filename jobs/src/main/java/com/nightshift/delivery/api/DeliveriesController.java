package com.nightshift.delivery.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.nightshift.delivery.Deliveries;
import com.nightshift.delivery.DeliveryRecord;
import com.nightshift.delivery.DeliveryState;

/**
 * The delivery ledger for operators. {@code period} is a whole delivery key ({@code report:daily:2026-11-28}) or
 * its last part ({@code 2026-11-28}, {@code 2026-W48}), which takes every key of that period. Resends are made on
 * purpose here and recorded as such; nothing resends by itself.
 */
@RestController
@RequestMapping("/api/reports/deliveries")
class DeliveriesController {

    static final int MAX_LIMIT = 1000;
    // until the API has its login (a later issue), a resend is recorded as the API's
    private static final String REQUESTED_BY = "api";

    private final Deliveries deliveries;

    DeliveriesController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    List<DeliveryRecord> list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String period, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidDeliveryQueryException("limit",
                    "'limit' must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return deliveries.listOfPeriod(state(state), blankToNull(period), limit);
    }

    @PostMapping("/{id}/resend")
    DeliveryRecord resend(@PathVariable long id) {
        return deliveries.resend(id, REQUESTED_BY);
    }

    @PostMapping("/resend-failed")
    List<DeliveryRecord> resendFailed(@RequestParam String period) {
        if (period.isBlank()) {
            throw new InvalidDeliveryQueryException("period", "'period' must name a period or a delivery key");
        }
        return deliveries.resendFailedOfPeriod(period, REQUESTED_BY);
    }

    private static DeliveryState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(DeliveryState.values()).filter(s -> s.name().equalsIgnoreCase(state)).findFirst()
                .orElseThrow(() -> new InvalidDeliveryQueryException("state", "'state' must be one of "
                        + Arrays.stream(DeliveryState.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", was '" + state + "'"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
