package com.nightshift.recipients;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.ResourceUtils;

import com.nightshift.yaml.FileProblem;

/**
 * The recipients file ({@code nightshift.recipients.file}), validated as a whole and registered in the recipient
 * tables, which the delivery ledger refers to.
 */
@Component
public class RecipientRegistry {

    private static final Logger log = LoggerFactory.getLogger(RecipientRegistry.class);

    /** One index probe per named store on the rollup's primary key, whose leading column is the store. */
    private static final String UNKNOWN_STORES = """
            SELECT s.name FROM unnest(?::text[]) AS s(name)
            WHERE NOT EXISTS (SELECT 1 FROM rollup_store_daily r WHERE r.store_name = s.name COLLATE "C")
            """;

    private final RecipientsProperties properties;
    private final JdbcTemplate jdbc;
    private final RecipientTables tables;

    @Autowired
    RecipientRegistry(RecipientsProperties properties, JdbcTemplate jdbc,
                      PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.tables = new RecipientTables(jdbc, transactionManager);
    }

    /**
     * Reads and validates the file, then registers it in one transaction; a bad file changes nothing.
     *
     * @throws RecipientsFileException listing every problem, each naming the file, the line and the value
     */
    public RecipientDirectory load() {
        return load(properties.file());
    }

    RecipientDirectory load(String location) {
        if (location == null || location.isBlank()) {
            throw new RecipientsFileException(List.of(
                    "no recipients file: set nightshift.recipients.file to its path or classpath: location"));
        }
        RecipientsFileReader.Contents contents = RecipientsFileReader.read(text(location));
        List<FileProblem> problems = new ArrayList<>(contents.problems());
        problems.addAll(unknownStores(location, contents.storeMentions()));
        if (!problems.isEmpty()) {
            throw new RecipientsFileException(problems.stream().sorted(Comparator.comparingInt(FileProblem::line))
                    .map(problem -> problem.message(location)).toList());
        }
        RecipientDirectory registered = tables.register(contents.directory());
        log.info("Recipients from {}: {} people, {} regions", location, registered.recipients().size(),
                registered.regions().size());
        return registered;
    }

    /**
     * The mentions of stores that have no rows in the rollups. With no rollup rows at all nothing can be told
     * yet (a new installation before its first rollup): then every store passes, and the log says so.
     */
    private List<FileProblem> unknownStores(String location, List<RecipientsFileReader.StoreMention> mentions) {
        if (mentions.isEmpty()) {
            return List.of();
        }
        if (!jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM rollup_store_daily)", Boolean.class)) {
            log.warn("{}: its stores cannot be checked yet, the rollups hold no store: run the rollup, then load "
                    + "the file again", location);
            return List.of();
        }
        Set<String> named = new LinkedHashSet<>();
        mentions.forEach(mention -> named.add(mention.store()));
        Set<String> unknown = new LinkedHashSet<>(jdbc.queryForList(UNKNOWN_STORES, String.class,
                (Object) named.toArray(String[]::new)));
        return mentions.stream().filter(mention -> unknown.contains(mention.store()))
                .map(mention -> new FileProblem(mention.line(), "unknown store '" + mention.store()
                        + "' (no sales of it in the rollups)"))
                .toList();
    }

    private static String text(String location) {
        Resource resource = ResourceUtils.isUrl(location) ? new DefaultResourceLoader().getResource(location)
                : new FileSystemResource(location);
        if (!resource.exists()) {
            throw new RecipientsFileException(List.of(location + ": no such file"));
        }
        try (InputStream in = resource.getInputStream()) {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new RecipientsFileException(List.of(location + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new RecipientsFileException(List.of(location + ": cannot be read (" + e.getMessage() + ")"));
        }
    }
}
