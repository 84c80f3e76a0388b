package com.nightshift.recipients;

import java.util.List;
import java.util.Map;

/**
 * The recipients file as validated and registered: the regions (name to its stores, in file order) and the
 * people.
 */
public record RecipientDirectory(Map<String, List<String>> regions, List<Recipient> recipients) {

    public RecipientDirectory {
        regions = Map.copyOf(regions);
        recipients = List.copyOf(recipients);
    }
}
