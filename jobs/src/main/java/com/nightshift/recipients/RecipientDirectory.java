package com.nightshift.recipients;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nightshift.reports.ReportSubject;

/**
 * The recipients file as validated and registered: the regions (name to its stores, in file order) and the
 * people.
 */
public record RecipientDirectory(Map<String, List<String>> regions, List<Recipient> recipients) {

    public RecipientDirectory {
        // file order, which reports that list regions follow
        regions = Collections.unmodifiableMap(regions.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> List.copyOf(entry.getValue()), (a, b) -> a, LinkedHashMap::new)));
        recipients = List.copyOf(recipients);
    }

    /**
     * Who receives a report about {@code subject}: a store's daily report goes to its own managers and to the
     * managers of its region, a region's weekly report to that region's managers, the chain's to head office.
     */
    public List<Recipient> receiving(ReportSubject subject) {
        return recipients.stream().filter(recipient -> switch (subject.scope()) {
            case STORE_DAY -> recipient.stores().contains(subject.name()) || recipient.regions().stream()
                    .anyMatch(region -> storesOf(region).contains(subject.name()));
            case REGION_WEEK -> recipient.regions().contains(subject.name());
            case CHAIN_WEEK -> recipient.chain();
        }).toList();
    }

    /** The stores of a region; empty for a region the file does not declare. */
    public List<String> storesOf(String region) {
        return regions.getOrDefault(region, List.of());
    }
}
