package com.nightshift.rollup;

import java.time.LocalDate;

/** An order line that cannot be counted, and why. */
record QuarantinedLine(long orderLineId, LocalDate day, String reason) {
}
