-- Challenges: "spend X this month", with X calibrated per customer from their own months and the
-- probability of reaching it stored with it. Completion awards points through the ledger, once per
-- (challenge, customer, month) by the ledger's bonus-once rule.
CREATE TABLE loyalty_challenge (
    tenant_id     uuid NOT NULL,
    challenge_id  text NOT NULL CHECK (char_length(challenge_id) BETWEEN 1 AND 100),
    name          text NOT NULL,
    stretch       double precision NOT NULL CHECK (stretch >= 0),
    min_target    numeric(12, 2) NOT NULL CHECK (min_target > 0),
    max_target    numeric(12, 2) NOT NULL,
    reward_points bigint NOT NULL CHECK (reward_points > 0),
    active        boolean NOT NULL,
    PRIMARY KEY (tenant_id, challenge_id),
    CHECK (max_target >= min_target)
);

CREATE TABLE loyalty_challenge_target (
    tenant_id    uuid NOT NULL,
    challenge_id text NOT NULL,
    customer_id  text NOT NULL,
    period       text NOT NULL,
    target       numeric(12, 2) NOT NULL,
    probability  double precision NOT NULL,
    typical      numeric(12, 2) NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, challenge_id, customer_id, period),
    FOREIGN KEY (tenant_id, challenge_id) REFERENCES loyalty_challenge
);

ALTER TABLE loyalty_challenge ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_challenge_target ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_challenge
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_challenge_target
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
