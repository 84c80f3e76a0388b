package com.nightshift.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nightshift.orders.ChainCatalogue;
import com.nightshift.reports.ReportSubject;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.IntegrationTest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The registry as a chain runs it: as the application role with privileges on the tables only, on a database the
 * owner migrated, with the stores known from the rollup tables.
 */
class RecipientRegistryTest extends IntegrationTest {

    private static final String DATABASE = DatabaseRoles.leastPrivilegeDatabase("recipients");
    private static final String DEMO_FILE = RecipientsProperties.DEMO_FILE;
    private static final List<String> STORES = List.of("北京朝阳店", "天津滨江道店", "上海浦东店", "成都锦江店");

    private static final String GOOD = """
            regions:
              华北: [北京朝阳店, 天津滨江道店]
              华东: [上海浦东店]
            recipients:
              - {email: zhang.san@example.com, name: 张三, language: zh-CN, stores: [北京朝阳店]}
              - {email: li.si@example.com, name: 李四, regions: [华北, 华东]}
              - {email: hq@example.com, name: Head Office, language: en, chain: true}
            """;

    @DynamicPropertySource
    static void asTheApplicationRole(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.jdbc-url", () -> DatabaseRoles.urlFor(DatabaseRoles.APPLICATION,
                DATABASE));
        registry.add("spring.datasource.hikari.username", () -> DatabaseRoles.APPLICATION);
        registry.add("nightshift.recipients.file", () -> DEMO_FILE);
    }

    @Autowired
    RecipientRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    final JdbcTemplate owner = new JdbcTemplate(DatabaseRoles.as("postgres", DATABASE));

    @TempDir
    Path dir;

    @BeforeEach
    void storesThatHaveSoldAndAnEmptyRegistry() {
        owner.execute("TRUNCATE rollup_store_daily, report_recipient_region, report_recipient_store, "
                + "report_region_store, report_region, report_recipient RESTART IDENTITY CASCADE");
        haveSold(STORES);
    }

    @Test
    void theRegistryRunsAsARoleWithTablePrivilegesOnly() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(DatabaseRoles.APPLICATION);
        assertThat(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        registry.load(file(GOOD));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_recipient", Long.class)).isEqualTo(3);
    }

    @Test
    void aGoodFileIsRegisteredAndReturnedWithItsIds() {
        RecipientDirectory directory = registry.load(file(GOOD));

        assertThat(registered()).containsExactly(
                "zhang.san@example.com 张三 zh-CN chain=false active=true",
                "li.si@example.com 李四 zh-CN chain=false active=true",
                "hq@example.com Head Office en chain=true active=true");
        assertThat(directory.recipients()).extracting(Recipient::id).containsExactly(1L, 2L, 3L);
        assertThat(directory.recipients().get(2).language()).isEqualTo(Locale.ENGLISH);
        assertThat(jdbc.queryForList("SELECT recipient_id || ' ' || store_name FROM report_recipient_store",
                String.class)).containsExactly("1 北京朝阳店");
        assertThat(jdbc.queryForList("SELECT recipient_id || ' ' || region FROM report_recipient_region "
                + "ORDER BY region", String.class)).containsExactly("2 华东", "2 华北");
        assertThat(jdbc.queryForList("SELECT region || ' ' || store_name FROM report_region_store "
                + "ORDER BY store_name", String.class)).containsExactly("华东 上海浦东店", "华北 北京朝阳店", "华北 天津滨江道店");
    }

    @Test
    void aStoreWithoutSalesInTheRollupsIsUnknownAtItsLine() {
        String path = file(GOOD.replace("stores: [北京朝阳店]", "stores: [北京朝阳点]"));

        assertThatThrownBy(() -> registry.load(path)).isInstanceOfSatisfying(RecipientsFileException.class,
                e -> assertThat(e.problems()).containsExactly(
                        path + ":5: unknown store '北京朝阳点' (no sales of it in the rollups)"));
    }

    @Test
    void withNoRollupsYetTheStoresCannotBeCheckedAndTheFileLoadsSayingSo() {
        owner.execute("TRUNCATE rollup_store_daily");
        String path = file(GOOD.replace("北京朝阳店]}", "未开业店]}"));
        Logger logger = (Logger) LoggerFactory.getLogger(RecipientRegistry.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        RecipientDirectory directory;
        try {
            directory = registry.load(path);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(directory.recipients().get(0).stores()).containsExactly("未开业店");
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .startsWith(path + ": its stores cannot be checked yet, the rollups hold no store");
    }

    @Test
    void everyProblemIsReportedTogetherInLineOrderEachNamingFileLineAndValue() {
        String path = file("""
                regions:
                  华北: [北京朝阳店, 天津滨江道店]
                  华东: [上海浦东店, 北京朝阳店]
                recipients:
                  - {email: zhang.san@example, name: 张三, stores: [北京朝阳点]}
                  - {email: li.si.example.com, name: 李四, regions: [华北]}
                  - {email: ZHANG.SAN@example, name: 王五, language: fr, regions: [华南]}
                  - {email: hq@example.com, name: Head Office, stors: [上海浦东店]}
                  - {email: wu@example.com, name: 吴六}
                """);

        assertThatThrownBy(() -> registry.load(path)).isInstanceOfSatisfying(RecipientsFileException.class,
                e -> assertThat(e.problems()).satisfiesExactly(
                        problem -> assertThat(problem).isEqualTo(
                                path + ":3: store '北京朝阳店' is in two regions, '华北' and '华东'"),
                        problem -> assertThat(problem).isEqualTo(
                                path + ":5: unknown store '北京朝阳点' (no sales of it in the rollups)"),
                        problem -> assertThat(problem).startsWith(path + ":6: malformed address 'li.si.example.com'"),
                        problem -> assertThat(problem).isEqualTo(
                                path + ":7: duplicate address 'ZHANG.SAN@example' (first at line 5)"),
                        problem -> assertThat(problem).isEqualTo(
                                path + ":7: unknown language 'fr' (known: zh-CN, en)"),
                        problem -> assertThat(problem).isEqualTo(
                                path + ":7: unknown region '华南' (not declared under 'regions')"),
                        problem -> assertThat(problem).isEqualTo(path + ":8: unknown key 'stors' (known: email, "
                                + "name, language, stores, regions, chain)"),
                        problem -> assertThat(problem).isEqualTo(path + ":9: recipient 'wu@example.com' receives "
                                + "nothing: give stores, regions or chain: true")));
    }

    @Test
    void aYamlSyntaxErrorIsOneProblemWithItsLine() {
        String path = file(GOOD.replace("name: 李四,", "name: 李四 regions: x,"));

        assertThatThrownBy(() -> registry.load(path)).isInstanceOfSatisfying(RecipientsFileException.class,
                e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith(path + ":6: not valid YAML (")
                        .endsWith("- {email: li.si@example.com, name: 李四 regions: x, regions: [华北, 华东]}"));
    }

    @Test
    void aBadFileChangesNothingInTheTables() {
        registry.load(file(GOOD));
        List<Map<String, Object>> before = tables();

        String bad = file(GOOD.replace("hq@example.com", "hq@@example.com")
                .replace("stores: [北京朝阳店]", "stores: [北京朝阳店, 成都锦江店]"));
        assertThatThrownBy(() -> registry.load(bad)).isInstanceOf(RecipientsFileException.class);

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void aBadFirstFileRegistersNobody() {
        assertThatThrownBy(() -> registry.load(file(GOOD.replace("language: en", "language: EN"))))
                .isInstanceOf(RecipientsFileException.class);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_recipient", Long.class)).isZero();
    }

    @Test
    void reloadingKeepsEachAddressesIdAndDeactivatesThoseNoLongerInTheFile() {
        Map<String, Long> first = ids(registry.load(file(GOOD)));

        RecipientDirectory second = registry.load(file("""
                regions:
                  华北: [北京朝阳店, 天津滨江道店]
                recipients:
                  - {email: new.one@example.com, name: 新人, stores: [成都锦江店]}
                  - {email: Li.Si@Example.com, name: 李四四, regions: [华北]}
                  - {email: hq@example.com, name: Head Office, language: en, chain: true, stores: [上海浦东店]}
                """));

        assertThat(ids(second)).containsEntry("li.si@example.com", first.get("li.si@example.com"))
                .containsEntry("hq@example.com", first.get("hq@example.com"))
                .doesNotContainValue(first.get("zhang.san@example.com"));
        assertThat(registered()).containsExactly(
                "zhang.san@example.com 张三 zh-CN chain=false active=false",
                "Li.Si@Example.com 李四四 zh-CN chain=false active=true",
                "hq@example.com Head Office en chain=true active=true",
                "new.one@example.com 新人 zh-CN chain=false active=true");
        assertThat(jdbc.queryForList("SELECT store_name FROM report_recipient_store ORDER BY recipient_id",
                String.class)).containsExactly("上海浦东店", "成都锦江店");
        assertThat(jdbc.queryForList("SELECT name FROM report_region", String.class)).containsExactly("华北");
    }

    @Test
    void reloadingTheSameFileChangesNoRowNorItsTimestamps() {
        registry.load(file(GOOD));
        List<Map<String, Object>> before = tables();

        registry.load(file(GOOD));

        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void someoneBackInTheFileIsActiveAgainUnderTheirOldId() {
        long zhang = ids(registry.load(file(GOOD))).get("zhang.san@example.com");
        registry.load(file(GOOD.replace("  - {email: zhang.san@example.com, name: 张三, language: zh-CN, "
                + "stores: [北京朝阳店]}\n", "")));

        RecipientDirectory again = registry.load(file(GOOD));

        assertThat(ids(again)).containsEntry("zhang.san@example.com", zhang);
        assertThat(jdbc.queryForObject("SELECT bool_and(active) FROM report_recipient", Boolean.class)).isTrue();
    }

    @Test
    void theDemoFileIsValidForTheGeneratedChainOfAHundredStores() {
        haveSold(ChainCatalogue.stores(100));

        RecipientDirectory demo = registry.load();

        List<Recipient> people = demo.recipients();
        assertThat(demo.regions()).hasSize(10);
        assertThat(demo.regions().values().stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(ChainCatalogue.stores(100));
        assertThat(people).hasSize(111);
        assertThat(people).filteredOn(person -> !person.stores().isEmpty()).hasSize(100);
        assertThat(people).filteredOn(person -> !person.regions().isEmpty()).hasSize(10);
        assertThat(people).filteredOn(Recipient::chain).singleElement()
                .extracting(Recipient::language).isEqualTo(Locale.ENGLISH);
        assertThat(people).filteredOn(person -> person.language().equals(Locale.ENGLISH)).hasSizeGreaterThan(1);
        for (String store : ChainCatalogue.stores(100)) {
            assertThat(demo.receiving(ReportSubject.store(store))).as(store).hasSize(2);
        }
    }

    @Test
    void twoProcessesLoadingAtOnceNeitherFailNorDuplicate() throws Exception {
        // different people in the same regions: the two loads' upserts do not wait for each other
        String one = file(GOOD);
        String other = file(GOOD.replace("@example.com", "@example.org").replace("stores: [北京朝阳店]",
                "stores: [北京朝阳店, 成都锦江店]"));
        DataSource secondProcess = DatabaseRoles.as(DatabaseRoles.APPLICATION, DATABASE);
        RecipientRegistry second = new RecipientRegistry(new RecipientsProperties(null),
                new JdbcTemplate(secondProcess), new DataSourceTransactionManager(secondProcess));
        ExecutorService processes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> loads = new ArrayList<>();
            loads.add(processes.submit(() -> loadRepeatedly(go, registry, one, other)));
            loads.add(processes.submit(() -> loadRepeatedly(go, second, other, one)));
            go.countDown();
            for (Future<?> load : loads) {
                load.get(60, TimeUnit.SECONDS);
            }
        } finally {
            processes.shutdownNow();
        }

        assertThat(jdbc.queryForList("SELECT email FROM report_recipient", String.class))
                .containsExactlyInAnyOrder("zhang.san@example.com", "li.si@example.com", "hq@example.com",
                        "zhang.san@example.org", "li.si@example.org", "hq@example.org");
        List<String> active = jdbc.queryForList("SELECT email FROM report_recipient WHERE active ORDER BY email",
                String.class);
        List<String> receiving = jdbc.queryForList("SELECT DISTINCT r.email FROM report_recipient r "
                + "JOIN report_recipient_store s ON s.recipient_id = r.id", String.class);
        assertThat(active).hasSize(3).allMatch(email -> email.endsWith(active.get(0).substring(
                active.get(0).indexOf('@'))));
        assertThat(receiving).isSubsetOf(active).hasSize(1);
    }

    @Test
    void withoutAFileSettingTheRegistryNamesTheSetting() {
        RecipientRegistry unset = new RecipientRegistry(new RecipientsProperties(" "), jdbc,
                new DataSourceTransactionManager(jdbc.getDataSource()));

        assertThatThrownBy(unset::load).isInstanceOfSatisfying(RecipientsFileException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "no recipients file: set nightshift.recipients.file to its path or classpath: location"));
    }

    @Test
    void aMissingFileIsNamed() {
        String path = dir.resolve("absent.yml").toString();

        assertThatThrownBy(() -> registry.load(path)).isInstanceOfSatisfying(RecipientsFileException.class,
                e -> assertThat(e.problems()).containsExactly(path + ": no such file"));
    }

    @Test
    void aFileThatIsNotUtf8IsNamed() throws IOException {
        Path latin1 = dir.resolve("latin1.yml");
        Files.write(latin1, "recipients: [{email: hq@example.com, name: Caf\u00e9, chain: true}]\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> registry.load(latin1.toString()))
                .isInstanceOfSatisfying(RecipientsFileException.class,
                        e -> assertThat(e.problems()).containsExactly(latin1 + ": not UTF-8 text"));
    }

    private static Void loadRepeatedly(CountDownLatch go, RecipientRegistry registry, String... files)
            throws InterruptedException {
        go.await();
        for (int i = 0; i < 10; i++) {
            registry.load(files[i % files.length]);
        }
        return null;
    }

    private void haveSold(List<String> stores) {
        owner.update("""
                INSERT INTO rollup_store_daily (business_date, store_name, orders, lines, quantity, gross_amount,
                                                refund_amount, net_amount)
                SELECT ?, s, 1, 1, 1, 10, 0, 10 FROM unnest(?::text[]) AS s ON CONFLICT DO NOTHING
                """, LocalDate.of(2026, 11, 28), stores.toArray(String[]::new));
    }

    private List<String> registered() {
        return jdbc.queryForList("SELECT email || ' ' || name || ' ' || language || ' chain=' || chain || "
                + "' active=' || active FROM report_recipient ORDER BY id", String.class);
    }

    private List<Map<String, Object>> tables() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM report_recipient ORDER BY id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM report_recipient_store ORDER BY 1, 2"));
        rows.addAll(jdbc.queryForList("SELECT * FROM report_recipient_region ORDER BY 1, 2"));
        rows.addAll(jdbc.queryForList("SELECT * FROM report_region_store ORDER BY 1"));
        rows.addAll(jdbc.queryForList("SELECT * FROM report_region ORDER BY 1"));
        return rows;
    }

    private static Map<String, Long> ids(RecipientDirectory directory) {
        return directory.recipients().stream().collect(Collectors.toMap(
                person -> person.email().toLowerCase(Locale.ROOT), Recipient::id));
    }

    private String file(String text) {
        try {
            Path path = Files.createTempFile(dir, "recipients-", ".yml");
            Files.writeString(path, text);
            return path.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
