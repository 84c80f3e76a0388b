package com.nightshift.delivery;

/**
 * Points in a sending where tests stop a sender the way a crash would (an error thrown there ends the sending and
 * its database session, and nothing more is recorded). Production uses {@link #NONE}.
 */
interface SendHooks {

    SendHooks NONE = new SendHooks() {
    };

    /** The letter is claimed and committed SENDING; nothing has gone to the SMTP server yet. */
    default void beforeHandOver(OutgoingLetter letter) {
    }

    /** The SMTP server has answered; the ledger does not know yet. */
    default void afterAnswer(OutgoingLetter letter, SmtpOutcome outcome) {
    }
}
