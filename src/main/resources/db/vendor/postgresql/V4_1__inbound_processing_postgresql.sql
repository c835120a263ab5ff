-- PostgreSQL only: the pending index holds only what still waits for an answer, and the state changes of answered
-- rows stay HOT updates.
DROP INDEX ix_inbound_message_pending;
CREATE INDEX ix_inbound_message_pending ON inbound_message (claimed_until) WHERE state = 'PENDING';
ALTER TABLE inbound_message SET (fillfactor = 85);
