package com.nightshift.delivery;

/** What became of one letter handed to the SMTP server, with the server's own words where it gave any. */
record SmtpOutcome(Kind kind, String reply) {

    enum Kind {
        /** The server took responsibility for it (2xx after the data). */
        ACCEPTED,
        /** Worth another try later: no connection, a timeout before the data was complete, a 4xx answer. */
        TRANSIENT,
        /** The server refused it for good (5xx), or it cannot be built (an attachment is missing). */
        PERMANENT,
        /** The whole message went out but no answer came back: the server may have accepted it. */
        UNKNOWN
    }

    static SmtpOutcome accepted(String reply) {
        return new SmtpOutcome(Kind.ACCEPTED, reply);
    }

    static SmtpOutcome transientFailure(String reply) {
        return new SmtpOutcome(Kind.TRANSIENT, reply);
    }

    static SmtpOutcome permanentFailure(String reply) {
        return new SmtpOutcome(Kind.PERMANENT, reply);
    }

    static SmtpOutcome unknown(String reply) {
        return new SmtpOutcome(Kind.UNKNOWN, reply);
    }
}
