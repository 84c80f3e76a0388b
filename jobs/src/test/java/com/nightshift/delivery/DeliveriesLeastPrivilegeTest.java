package com.nightshift.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nightshift.support.DatabaseRoles;
import com.nightshift.support.TestMailServer;

/**
 * The ledger as the application's role uses it: table privileges only, no superuser, no pg_read_all_stats. Its own
 * sessions are what it must see in pg_stat_activity to tell a live claimer from a dead one.
 */
class DeliveriesLeastPrivilegeTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMailServer.greenMail();

    private static DataSource application;

    @TempDir
    Path files;
    private DeliveryFixture fixture;

    @BeforeAll
    static void database() {
        application = DatabaseRoles.as(DatabaseRoles.APPLICATION, DatabaseRoles.leastPrivilegeDatabase("delivery"));
    }

    @BeforeEach
    void fixture() {
        fixture = new DeliveryFixture(application, application, files);
    }

    @Test
    void theApplicationRolePlansSendsAndResends() {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(2));

        assertThat(deliveries.send(List.of(fixture.key), 1)).isEqualTo(new DeliveryCounts(2, 0, 0, 0, 0));
        long id = ((Number) fixture.row("manager1@example.com").get("id")).longValue();
        assertThat(deliveries.resend(id, "operator").state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void theApplicationRoleTellsItsLiveClaimersFromItsDeadOnes() throws Exception {
        Deliveries deliveries = fixture.deliveries(MAIL.getSmtp().getPort());
        deliveries.plan(fixture.letters(3));
        new ClaimedElsewhere(application, id("manager1@example.com")).close();

        try (ClaimedElsewhere alive = new ClaimedElsewhere(application, id("manager2@example.com"))) {
            DeliveryCounts counts = deliveries.send(List.of(fixture.key), 1);

            assertThat(counts).isEqualTo(new DeliveryCounts(1, 0, 0, 1, 1));
        }
        assertThat(fixture.row("manager1@example.com")).containsEntry("state", "UNCERTAIN");
        assertThat(fixture.row("manager2@example.com")).containsEntry("state", "SENDING");
    }

    private long id(String email) {
        return ((Number) fixture.row(email).get("id")).longValue();
    }
}
