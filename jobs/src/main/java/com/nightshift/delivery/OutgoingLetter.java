package com.nightshift.delivery;

import java.util.List;

/** A claimed ledger row, as the SMTP server is to receive it. {@code attempt} counts this one. */
record OutgoingLetter(long id, String email, String name, String subject, String body, List<Attachment> attachments,
                      String messageId, int attempt) {
}
