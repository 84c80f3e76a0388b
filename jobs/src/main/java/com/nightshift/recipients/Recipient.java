package com.nightshift.recipients;

import java.util.List;
import java.util.Locale;

/**
 * A person who receives reports, as the recipients file names them and the registry table keeps them.
 *
 * @param id       the registry row, which deliveries refer to
 * @param stores   stores whose daily reports they receive
 * @param regions  regions whose weekly report, and whose stores' daily reports, they receive
 * @param chain    whether they receive the chain's weekly report (head office)
 */
public record Recipient(long id, String email, String name, Locale language, List<String> stores,
                        List<String> regions, boolean chain) {

    public Recipient {
        stores = List.copyOf(stores);
        regions = List.copyOf(regions);
    }
}
