-- outbound: what a message is for, as the operators are told it (submit_sm service_type), and whether its recipient
-- is charged for it, kept so that operator billing can be wired to them
ALTER TABLE outbound_message ADD COLUMN service_type VARCHAR(5);
ALTER TABLE outbound_message ADD COLUMN chargeable BOOLEAN DEFAULT FALSE NOT NULL;

-- outbound: the queue keeps its own copy of each message's expiry, so the expiry sweep reads one index instead of
-- joining every waiting message (a plan that, with a large backlog and stale statistics, never finished)
ALTER TABLE message_queue ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE message_queue SET expires_at = (SELECT m.expires_at FROM outbound_message m WHERE m.id = message_queue.message_id);
UPDATE message_queue SET expires_at = CURRENT_TIMESTAMP WHERE expires_at IS NULL;
ALTER TABLE message_queue ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX ix_message_queue_expiry ON message_queue (stage, expires_at);

-- subscriptions: a charge the operator reported as failed puts a MONTHLY subscription in grace until grace_until;
-- unsettled by then it is SUSPENDED, which ends it like STOPPED (live NULL), so subscribing again starts afresh
ALTER TABLE subscription ADD COLUMN grace_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscription DROP CONSTRAINT ck_subscription_state;
ALTER TABLE subscription DROP CONSTRAINT ck_subscription_live;
ALTER TABLE subscription ADD CONSTRAINT ck_subscription_state
    CHECK (state IN ('PENDING_CONFIRMATION', 'ACTIVE', 'STOPPED', 'SUSPENDED'));
ALTER TABLE subscription ADD CONSTRAINT ck_subscription_live
    CHECK ((state IN ('STOPPED', 'SUSPENDED') AND live IS NULL) OR (state NOT IN ('STOPPED', 'SUSPENDED') AND live = 1));
CREATE INDEX ix_subscription_grace ON subscription (grace_until);
-- room for the billing actions in a subscription's history (CHARGE_FAILED, CHARGE_COLLECTED, SUSPENDED)
ALTER TABLE subscription_history ALTER COLUMN action SET DATA TYPE VARCHAR(20);

-- subscriptions: what the operator reported of each charge. CHARGED until it reports FAILED; a failed one it later
-- collects is reported CHARGED again. The export is what operators reconcile against, by id.
ALTER TABLE billing_record ADD COLUMN status VARCHAR(8) DEFAULT 'CHARGED' NOT NULL;
ALTER TABLE billing_record ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE billing_record ADD COLUMN failure_reason VARCHAR(200);
ALTER TABLE billing_record ADD CONSTRAINT ck_billing_status CHECK (status IN ('CHARGED', 'FAILED'));
CREATE INDEX ix_billing_period ON billing_record (period, operator);
-- the monthly export, and the revenue of a period on the staff pages
CREATE INDEX ix_billing_created ON billing_record (created_at);

-- subscriptions: the renewal notice of a MONTHLY subscription for a period, sent once: the primary key is the claim,
-- so two nodes sweeping at once send it once
CREATE TABLE renewal_notice (
    subscription_id  BIGINT       NOT NULL REFERENCES subscription (id),
    period           VARCHAR(7)   NOT NULL,
    message_id       VARCHAR(36),
    sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription_id, period)
);
