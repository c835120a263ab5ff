-- PostgreSQL only: billing_record keeps the ids of its subscription and event without foreign keys. Each check of
-- one locks the row it references (FOR KEY SHARE writes that row): charging a 100,000-subscriber fan-out spent most
-- of its 8 s on them. Neither a subscription nor an event is ever deleted, and each charge is written in the
-- transaction that reads its subscription and records its event, so the references hold without them. (H2, the
-- embedded database, keeps them: its checks write nothing, and its constraints have no names to drop them by.)
ALTER TABLE billing_record DROP CONSTRAINT billing_record_subscription_id_fkey;
ALTER TABLE billing_record DROP CONSTRAINT billing_record_event_id_fkey;
