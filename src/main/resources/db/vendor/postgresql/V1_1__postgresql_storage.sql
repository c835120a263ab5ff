-- PostgreSQL only: leave room in each page so that status changes, which touch no indexed column, are HOT updates
-- (no new index entries, no bloat) on the tables the sending path updates most.
ALTER TABLE outbound_message SET (fillfactor = 80);
ALTER TABLE message_queue SET (fillfactor = 70);
ALTER TABLE message_part SET (fillfactor = 80);

-- Most messages have no idempotency key and many no reference: partial indexes keep them out of those indexes.
DROP INDEX ux_outbound_message_idempotency;
CREATE UNIQUE INDEX ux_outbound_message_idempotency ON outbound_message (client_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
DROP INDEX ix_outbound_message_reference;
CREATE INDEX ix_outbound_message_reference ON outbound_message (client_id, reference) WHERE reference IS NOT NULL;
