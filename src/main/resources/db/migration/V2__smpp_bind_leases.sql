-- Which node holds each SMPP bind. A node binds only while it holds the row's lease, so an operator never sees
-- more binds (or more TPS) than agreed, whatever the number of nodes. The holder also writes the bind's state here,
-- for the health of the whole cluster.
CREATE TABLE bind_lease (
    operator    VARCHAR(64)              NOT NULL,
    bind_index  INTEGER                  NOT NULL,
    holder      VARCHAR(255),
    expires_at  TIMESTAMP WITH TIME ZONE,
    state       VARCHAR(32)              NOT NULL,
    state_since TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error  VARCHAR(1000),
    CONSTRAINT bind_lease_pk PRIMARY KEY (operator, bind_index)
);
