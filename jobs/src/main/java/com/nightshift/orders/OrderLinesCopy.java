package com.nightshift.orders;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams order lines into the {@code orders} table with PostgreSQL's COPY, the fastest way in:
 * rows are encoded in COPY's text format into a buffer that is sent whenever it fills.
 * The caller owns the connection and its transaction; a failed copy is cancelled, never left open.
 */
final class OrderLinesCopy implements AutoCloseable {

    static final String COPY_SQL = "COPY orders (order_no, store_name, order_date, ordered_at, product_name, "
            + "channel, quantity, amount, status) FROM STDIN (FORMAT text)";

    private static final int FLUSH_AT_BYTES = 1 << 20;
    /** Business hours are the chain's local time. */
    private static final String ZONE_SUFFIX = "+08";

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT_BYTES + 4096);
    private final StringBuilder row = new StringBuilder(160);
    private final Map<LocalDate, String> dateText = new HashMap<>();

    OrderLinesCopy(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
    }

    void write(OrderLine line) throws SQLException {
        String date = dateText.computeIfAbsent(line.orderDate(), LocalDate::toString);
        row.setLength(0);
        row.append(line.orderNo()).append('\t')
                .append(line.storeName()).append('\t')
                .append(date).append('\t')
                .append(date).append(' ');
        appendTime(line.secondOfDay());
        row.append(ZONE_SUFFIX).append('\t')
                .append(line.productName()).append('\t')
                .append(line.channel()).append('\t')
                .append(line.quantity()).append('\t');
        appendCents(line.amountCents());
        row.append('\t').append(line.status()).append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= FLUSH_AT_BYTES) {
            flush();
        }
    }

    /** Sends what is buffered and ends the copy; returns the number of rows the server took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }

    private void appendTime(int secondOfDay) {
        twoDigits(secondOfDay / 3600);
        row.append(':');
        twoDigits(secondOfDay / 60 % 60);
        row.append(':');
        twoDigits(secondOfDay % 60);
    }

    private void twoDigits(int value) {
        row.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private void appendCents(long cents) {
        long magnitude = Math.abs(cents);
        if (cents < 0) {
            row.append('-');
        }
        row.append(magnitude / 100).append('.');
        twoDigits((int) (magnitude % 100));
    }

    /** Cancels a copy that was not finished, so the connection goes back to the pool usable. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
