package com.nightshift.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nightshift.support.IntegrationTest;

/** A fire's row is its claim: the first claim of a fire wins, a second one claims nothing. */
class FireRecordsTest extends IntegrationTest {

    private static final Map<String, String> INCREMENTAL = Map.of("mode", "incremental");

    @Autowired
    FireRecords records;

    @Test
    void aFireIsClaimedOnceHoweverOftenItIsClaimed() {
        Instant fire = Instant.parse("2026-12-01T17:00:00Z");

        assertThat(records.claim("claimed-once", fire, FireKind.SCHEDULED, INCREMENTAL, "a")).isPresent();
        assertThat(records.claim("claimed-once", fire, FireKind.SCHEDULED, INCREMENTAL, "b")).isEmpty();
        assertThat(records.claim("claimed-once", fire, FireKind.CATCH_UP, INCREMENTAL, "b")).isEmpty();
        assertThat(records.of("claimed-once")).singleElement()
                .satisfies(record -> assertThat(record.instance()).isEqualTo("a"));
    }

    @Test
    void manualFiresAreEachClaimedAndAreNoBaseline() {
        Instant now = Instant.parse("2026-12-01T09:30:00Z");

        assertThat(records.claim("manual", now, FireKind.MANUAL, INCREMENTAL, "a")).isPresent();
        assertThat(records.claim("manual", now, FireKind.MANUAL, INCREMENTAL, "b")).isPresent();

        assertThat(records.baseline("manual")).isEmpty();
        assertThat(records.latest("manual")).isPresent();
    }

    @Test
    void theBaselineIsTheLatestFireRecordedSkippedOrNot() {
        records.claim("baseline", Instant.parse("2026-12-01T17:00:00Z"), FireKind.SCHEDULED, INCREMENTAL, "a");
        assertThat(records.skipped("baseline", Instant.parse("2026-12-03T17:00:00Z"), INCREMENTAL, "a", "2 skipped"))
                .isTrue();
        records.claim("baseline", Instant.parse("2026-12-04T09:00:00Z"), FireKind.MANUAL, INCREMENTAL, "a");

        assertThat(records.baseline("baseline")).contains(Instant.parse("2026-12-03T17:00:00Z"));
    }
}
