package com.nightshift.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds synthetic order lines to the {@code orders} table, alongside whatever is there, in one transaction:
 * a run that fails adds nothing, so a retry never counts a line twice.
 */
@Service
public class OrderGenerator {

    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    public OrderGenerator(DataSource dataSource, TransactionTemplate transaction) {
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    public GenerateSummary generate(GenerateRequest request) {
        long started = System.nanoTime();
        Tally tally = transaction.execute(status -> copyAll(request));
        return tally.summary(Duration.ofNanos(System.nanoTime() - started));
    }

    private Tally copyAll(GenerateRequest request) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Tally tally = new Tally();
        try (OrderLinesCopy copy = new OrderLinesCopy(connection)) {
            new OrderLineSource(request).forEach(line -> {
                tally.add(line);
                try {
                    copy.write(line);
                } catch (SQLException e) {
                    throw new GenerateFailedException("cannot write order lines to the orders table", e);
                }
            });
            copy.finish();
            return tally;
        } catch (SQLException e) {
            throw new GenerateFailedException("cannot copy order lines into the orders table: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Counts what was generated, to report and to check against what the database took. */
    private static final class Tally {
        private long lines;
        private long completed;
        private long refunded;
        private long cancelled;
        private long cents;
        private String lastOrderNo;
        private long orders;

        void add(OrderLine line) {
            lines++;
            cents += line.amountCents();
            switch (line.status()) {
                case "completed" -> completed++;
                case "refunded" -> refunded++;
                default -> cancelled++;
            }
            // lines of one order arrive together, so a change of number starts a new order
            if (!line.orderNo().equals(lastOrderNo)) {
                orders++;
                lastOrderNo = line.orderNo();
            }
        }

        GenerateSummary summary(Duration took) {
            return new GenerateSummary(lines, orders, completed, refunded, cancelled,
                    BigDecimal.valueOf(cents, 2), took);
        }
    }
}
