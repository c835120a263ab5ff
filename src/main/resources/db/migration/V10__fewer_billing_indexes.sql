-- subscriptions: no query reads billing_record by number or by period and operator (a subscriber's charges are
-- found through the subscription, the export and the figures by created_at), and every index of the table is written
-- by each charge of a fan-out.
DROP INDEX ix_billing_period;
DROP INDEX ix_billing_msisdn;
