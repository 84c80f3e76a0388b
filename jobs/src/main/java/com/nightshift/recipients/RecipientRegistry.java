package com.nightshift.recipients;

import org.springframework.stereotype.Component;

/**
 * The recipients file ({@code nightshift.recipients.file}), validated as a whole and registered in the recipient
 * tables, which the delivery ledger refers to.
 */
@Component
public class RecipientRegistry {

    /**
     * Reads and validates the file, then registers it in one transaction; a bad file changes nothing.
     *
     * @throws RecipientsFileException listing every problem, each naming the file, the line and the value
     */
    public RecipientDirectory load() {
        throw new UnsupportedOperationException("STUB: the recipients helper replaces this class");
    }
}
