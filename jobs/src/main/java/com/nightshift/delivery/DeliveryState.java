package com.nightshift.delivery;

/** Where a letter is in the ledger. */
public enum DeliveryState {
    /** Recorded, not yet handed to the SMTP server. */
    PENDING,
    /** Claimed by a sender that is handing it to the SMTP server now. */
    SENDING,
    /** A transient failure (connection refused, 4xx); sent again after a backoff. */
    RETRYING,
    /** Accepted by the SMTP server. */
    DELIVERED,
    /** Rejected for good (5xx), or out of attempts; the server's answer is kept. Sent again only on purpose. */
    FAILED,
    /**
     * Its sender died while handing it over: the server may or may not have accepted it. Never sent again
     * automatically; an operator checks the server's log for its Message-ID and resends on purpose.
     */
    UNCERTAIN
}
