package com.nightshift.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

class ExecutionFilterTest {

    @Test
    void nothingGivenIsTheNewestTwenty() {
        ExecutionFilter filter = ExecutionFilter.of(null, "", null, null, null);

        assertThat(filter).isEqualTo(new ExecutionFilter(null, null, null, null, 20));
    }

    @Test
    void aStatusIsReadInAnyCase() {
        assertThat(ExecutionFilter.of(null, "stopped", null, null, null).status()).isEqualTo(BatchStatus.STOPPED);
    }

    @Test
    void sinceWithAnOffsetIsTheSameInstantInThisProcesssZone() {
        OffsetDateTime since = OffsetDateTime.parse("2026-10-14T08:00:00+08:00");

        assertThat(ExecutionFilter.of(null, null, since.toString(), null, null).since())
                .isEqualTo(since.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime());
    }

    @Test
    void sinceWithoutAnOffsetOrAsADateIsLocal() {
        assertThat(ExecutionFilter.of(null, null, "2026-10-14T08:30", null, null).since())
                .isEqualTo(LocalDateTime.of(2026, 10, 14, 8, 30));
        assertThat(ExecutionFilter.of(null, null, "2026-10-14", null, null).since())
                .isEqualTo(LocalDateTime.of(2026, 10, 14, 0, 0));
    }

    @Test
    void eachBadValueNamesItsParameter() {
        assertThatThrownBy(() -> ExecutionFilter.of(null, null, null, null, 201))
                .hasMessage("'limit' must be between 1 and 200, was 201")
                .extracting("parameter").isEqualTo("limit");
        assertThatThrownBy(() -> ExecutionFilter.of(null, null, null, 0L, null))
                .extracting("parameter").isEqualTo("before");
        assertThatThrownBy(() -> ExecutionFilter.of(null, "DONE", null, null, null))
                .hasMessageContaining("was 'DONE'").extracting("parameter").isEqualTo("status");
        assertThatThrownBy(() -> ExecutionFilter.of(null, null, "14.10.2026", null, null))
                .hasMessageContaining("was '14.10.2026'").extracting("parameter").isEqualTo("since");
    }
}
