package com.nightshift.rollup.compute;

import java.time.LocalDate;

/** An order line that cannot be counted, and why. */
public record QuarantinedLine(long orderLineId, String store, LocalDate day, String reason) {
}
