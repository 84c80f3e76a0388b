package com.nightshift.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DeliveryPropertiesTest {

    @Test
    void theBackoffDoublesAfterEachFailureUpToItsMaximum() {
        DeliveryProperties properties = new DeliveryProperties("reports@example.com", 6, Duration.ofSeconds(10),
                Duration.ofSeconds(45), 4);

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(45));
        assertThat(properties.backoffAfter(60)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void messageIdsEndInTheSendersDomain() {
        DeliveryProperties properties = new DeliveryProperties("夜班报表 <reports@chain.example.cn>", 5,
                Duration.ofSeconds(10), Duration.ofMinutes(2), 4);

        assertThat(properties.messageIdDomain()).isEqualTo("chain.example.cn");
    }

    @Test
    void aSenderWithoutADomainIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new DeliveryProperties("reports", 5, Duration.ofSeconds(10), Duration.ofMinutes(2), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nightshift.delivery.from is not a mail address with a domain: 'reports'");
    }

    @Test
    void noAttemptAtAllIsRefused() {
        assertThatThrownBy(() -> new DeliveryProperties("reports@example.com", 0, Duration.ofSeconds(10),
                Duration.ofMinutes(2), 4)).hasMessage("nightshift.delivery.max-attempts must be at least 1, was 0");
    }

    @Test
    void aMaximumBackoffBelowTheInitialOneIsRefused() {
        assertThatThrownBy(() -> new DeliveryProperties("reports@example.com", 5, Duration.ofMinutes(5),
                Duration.ofMinutes(2), 4)).hasMessage("nightshift.delivery.initial-backoff (PT5M) must not be negative"
                        + " nor longer than nightshift.delivery.max-backoff (PT2M)");
    }

    @Test
    void atLeastOneSenderIsRequired() {
        assertThatThrownBy(() -> new DeliveryProperties("reports@example.com", 5, Duration.ofSeconds(10),
                Duration.ofMinutes(2), 0)).hasMessage("nightshift.delivery.senders must be at least 1, was 0");
    }
}
