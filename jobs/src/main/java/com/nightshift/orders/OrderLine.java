package com.nightshift.orders;

import java.time.LocalDate;

/**
 * One generated order line, as it goes into the {@code orders} table. Money is kept in cents until
 * it is written, so that no total is ever off by a rounding error.
 */
public record OrderLine(String orderNo, String storeName, LocalDate orderDate, int secondOfDay,
                        String productName, String channel, int quantity, long amountCents, String status) {
}
