package com.nightshift.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.nightshift.config.NightshiftProperties;

/** Where the demo's results are, with counts read from the database and the data directory as they are now. */
@Service
public class DemoOutputs {

    /** Tables whose contents the demo produces or starts from. */
    static final List<String> TABLES = List.of("orders", "rollup_store_daily", "rollup_store_product_daily",
            "rollup_store_channel_daily");

    private final JdbcTemplate jdbc;
    private final NightshiftProperties properties;

    public DemoOutputs(JdbcTemplate jdbc, NightshiftProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public List<Output> list() {
        List<Output> outputs = new ArrayList<>();
        for (String table : TABLES) {
            Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
            outputs.add(new Output("table", table, rows, "rows"));
        }
        outputs.add(folder("mail", properties.mailDir(), ".eml"));
        outputs.add(folder("reports", properties.reportsDir(), ""));
        return outputs;
    }

    private static Output folder(String kind, Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return new Output(kind, dir.toAbsolutePath().toString(), 0, "files");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long count = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .count();
            return new Output(kind, dir.toAbsolutePath().toString(), count, "files");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** One place where results are, and how many there are of them. */
    public record Output(String kind, String where, long count, String unit) {
    }
}
