package com.nightshift.rollup;

import java.time.LocalDate;

/** An order line that cannot be counted, and why. */
record QuarantinedLine(long orderLineId, String store, LocalDate day, String reason) {
}
