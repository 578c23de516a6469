-- Support: conversations and their messages, the shop's intent model, knowledge-base articles, the
-- support policy (return rules, escalation rules, queues with SLA targets) and requested actions.
-- Customer ids are the profiles module's, stored as text (no foreign key across modules).
CREATE TABLE support_conversation (
    tenant_id          uuid NOT NULL,
    conversation_id    uuid NOT NULL,
    customer_id        text,
    channel            text NOT NULL,
    state              text NOT NULL,
    queue              text,
    escalation_reason  text,
    priority           double precision,
    priority_why       jsonb,
    priority_override  double precision,
    failures           integer NOT NULL DEFAULT 0,
    last_intent        text,
    csat               integer CHECK (csat BETWEEN 1 AND 5),
    created_at         timestamptz NOT NULL,
    escalated_at       timestamptz,
    first_response_at  timestamptz,
    agent_response_at  timestamptz,
    sla_breached_at    timestamptz,
    resolved_at        timestamptz,
    PRIMARY KEY (tenant_id, conversation_id)
);
CREATE INDEX support_conversation_by_customer ON support_conversation (tenant_id, customer_id);
CREATE INDEX support_conversation_by_state ON support_conversation (tenant_id, state);

CREATE TABLE support_message (
    tenant_id       uuid NOT NULL,
    message_id      uuid NOT NULL,
    seq             bigint GENERATED ALWAYS AS IDENTITY,
    conversation_id uuid NOT NULL,
    author          text NOT NULL,
    body            text NOT NULL CHECK (char_length(body) <= 10000),
    intent          text,
    confidence      double precision,
    sentiment       double precision,
    entities        jsonb,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES support_conversation ON DELETE CASCADE
);
CREATE INDEX support_message_by_conversation ON support_message (tenant_id, conversation_id, seq);

CREATE TABLE support_intent_model (
    tenant_id  uuid PRIMARY KEY,
    model      bytea NOT NULL,
    report     jsonb NOT NULL,
    trained_at timestamptz NOT NULL
);

CREATE TABLE support_article (
    tenant_id  uuid NOT NULL,
    article_id text NOT NULL,
    title      text NOT NULL,
    source     text NOT NULL,
    format     text NOT NULL,
    body       text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, article_id)
);

CREATE TABLE support_policy (
    tenant_id  uuid PRIMARY KEY,
    policy     jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE support_action (
    tenant_id       uuid NOT NULL,
    action_id       uuid NOT NULL,
    conversation_id uuid NOT NULL,
    customer_id     text NOT NULL,
    order_id        text NOT NULL,
    kind            text NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, action_id),
    UNIQUE (tenant_id, order_id, kind)
);

ALTER TABLE support_conversation ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_intent_model ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_article ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_action ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_conversation
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_message
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_intent_model
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_article
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_policy
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON support_action
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
