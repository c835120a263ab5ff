package org.risala.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The parts an SMSC accepted, as the submit results record them: a part sent twice keeps its first SMSC id. */
@IntegrationTest
class MessagePartsIntegrationTests {

    @Autowired
    MessageRepository messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aPartRecordedAgainKeepsItsFirstSmscIdAndTheNewPartsOfTheSameBatchAreStored() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-02T08:00:00Z");
        tx.executeWithoutResult(s -> messages.insertParts(List.of(
                new MessageRepository.PartRow(id, 1, "simulator", "first-1", at),
                new MessageRepository.PartRow(id, 2, "simulator", "first-2", at))));
        // the message was sent again after its claim lapsed: parts 1 and 2 come back with new ids, part 3 is new
        tx.executeWithoutResult(s -> messages.insertParts(List.of(
                new MessageRepository.PartRow(id, 1, "simulator", "again-1", at.plusSeconds(60)),
                new MessageRepository.PartRow(id, 3, "simulator", "again-3", at.plusSeconds(60)),
                new MessageRepository.PartRow(id, 2, "simulator", "again-2", at.plusSeconds(60)))));

        assertThat(jdbc.sql("SELECT smsc_id FROM message_part WHERE message_id = :id ORDER BY part_no")
                .param("id", id).query(String.class).list())
                .containsExactly("first-1", "first-2", "again-3");
    }
}
