package com.nightshift.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The types the engine reads {@code orders}' columns as, checked against a chain's existing table. A type that
 * reads every value exactly is used as it is (a {@code varchar} name, an {@code integer} id, a {@code numeric}
 * of any precision and scale, whose out-of-range amounts the rollup quarantines); any other is refused, because
 * the rollup would count such a table wrongly without a word.
 */
final class OrdersColumns {

    private record Column(String name, Set<String> accepted, String needed, String why, boolean addedIfMissing) {
    }

    private static final Set<String> TEXT = Set.of("text", "varchar");

    private static final List<Column> COLUMNS = List.of(
            new Column("id", Set.of("int8", "int4"), "bigint", "the line's key", false),
            new Column("order_no", TEXT, "text", "the order a line belongs to", false),
            new Column("store_name", TEXT, "text", "a blank-padded or other type would not match the same store",
                    false),
            new Column("order_date", Set.of("date"), "date",
                    "the business date a line counts for; a time of day makes the rollup miss lines", false),
            new Column("ordered_at", Set.of("timestamptz", "timestamp"), "timestamp with time zone",
                    "when the line was ordered", false),
            new Column("product_name", TEXT, "text", "a blank-padded or other type would not match the same product",
                    false),
            new Column("channel", TEXT, "text", "a blank-padded or other type would not match the same channel", false),
            new Column("quantity", Set.of("int4", "int2"), "integer", "a whole number of items", false),
            new Column("amount", Set.of("numeric"), "numeric(12,2)",
                    "an exact amount; binary floating point cannot hold cents exactly", false),
            new Column("status", TEXT, "text", "completed, refunded or cancelled", false),
            new Column("updated_at", Set.of("timestamptz"), "timestamp with time zone",
                    "incremental rollups compare it with instants", true));

    private OrdersColumns() {
    }

    /**
     * @throws SchemaNotReadyException with one line per column that cannot be read exactly; a table that does not
     *                                 exist yet is fine (the changelog creates it)
     */
    static void requireReadable(JdbcTemplate jdbc) {
        List<String> problems = problems(jdbc);
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>(problems);
            lines.add("Nightshift does not read or change orders until these columns are changed "
                    + "(see the README, section Schema)");
            throw new SchemaNotReadyException(String.join("\n", lines));
        }
    }

    private static List<String> problems(JdbcTemplate jdbc) {
        Map<String, String[]> found = new HashMap<>();
        jdbc.query("""
                SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod)
                FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                WHERE a.attrelid = to_regclass('orders') AND a.attnum > 0 AND NOT a.attisdropped""",
                rs -> {
                    found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Column column : COLUMNS) {
            String[] type = found.get(column.name());
            if (type == null) {
                if (!column.addedIfMissing()) {
                    problems.add("orders has no column " + column.name() + "; Nightshift needs it, of type "
                            + column.needed() + " (" + column.why() + ")");
                }
            } else if (!column.accepted().contains(type[0])) {
                problems.add("orders." + column.name() + " is " + type[1] + "; Nightshift needs " + column.needed()
                        + " (" + column.why() + ")");
            }
        }
        return problems;
    }
}
