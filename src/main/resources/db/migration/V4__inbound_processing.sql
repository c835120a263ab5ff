-- inbound: each stored SMS is answered once. A node stores it PENDING and claimed by itself, answers it, and marks
-- it ANSWERED; a PENDING row whose claim ran out (its node died) is claimed and answered by another node.
-- Rows stored before keyword routing existed were never meant to be answered: they become SKIPPED.
ALTER TABLE inbound_message ADD COLUMN state VARCHAR(10) DEFAULT 'SKIPPED' NOT NULL;
ALTER TABLE inbound_message ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE inbound_message ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- what the command was (the canonical keyword, as far as it was read) and what kind of answer it got
ALTER TABLE inbound_message ADD COLUMN keyword VARCHAR(40);
ALTER TABLE inbound_message ADD COLUMN outcome VARCHAR(16);
-- the reply in outbound_message, null when none was sent
ALTER TABLE inbound_message ADD COLUMN reply_id UUID;
ALTER TABLE inbound_message ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_inbound_message_pending ON inbound_message (state, claimed_until);

-- ids are taken a thousand at a time by each node (one round trip per thousand stored messages, batched inserts);
-- above the identity values rows got before
CREATE SEQUENCE inbound_message_ids START WITH 1000000 INCREMENT BY 1000;
