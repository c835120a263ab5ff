-- PostgreSQL only: Risala's own messages (alerts, replies, staff sends) have no API client, and the indexes by client
-- are only ever searched for one: partial indexes keep the own messages out of them, two index entries fewer for
-- each alert of a fan-out.
DROP INDEX ix_outbound_message_client_day;
CREATE INDEX ix_outbound_message_client_day ON outbound_message (client_id, accepted_at) WHERE client_id IS NOT NULL;
DROP INDEX ix_outbound_message_reference;
CREATE INDEX ix_outbound_message_reference ON outbound_message (client_id, reference)
    WHERE client_id IS NOT NULL AND reference IS NOT NULL;
