package com.nightshift.health.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Settings that would send alerts nowhere, or all the time, are refused at start with the setting named. */
class AlertPropertiesTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aRecipientThatIsNoMailAddressIsRefusedByName() {
        assertThatThrownBy(() -> new AlertProperties(List.of("oncall@example.com", "dba at example"), DAY, DAY,
                Locale.CHINA)).hasMessageStartingWith("nightshift.alerts.recipients: 'dba at example' is not a "
                + "mail address");
    }

    @Test
    void aReminderTimeOfZeroIsRefused() {
        assertThatThrownBy(() -> new AlertProperties(List.of(), Duration.ZERO, DAY, Locale.CHINA))
                .hasMessage("nightshift.alerts.reminder-after must be positive, was PT0S");
    }

    @Test
    void noRecipientsIsAllowed() {
        assertThat(new AlertProperties(List.of(), DAY, DAY, Locale.CHINA).recipients()).isEmpty();
    }
}
