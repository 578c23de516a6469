-- Loyalty: a double-entry, insert-only points ledger. A transaction is one movement (earn, release,
-- redeem, refund, expire, adjust, reverse); its entries sum to zero over the member's buckets
-- (member.pending, member.available) and the program's accounts (program.*). Customer ids are the
-- profiles module's, stored as text (no foreign key across modules).
CREATE TABLE loyalty_transaction (
    tenant_id       uuid NOT NULL,
    transaction_id  uuid NOT NULL,
    idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    request_hash    text NOT NULL,
    kind            text NOT NULL,
    customer_id     text NOT NULL,
    points          bigint NOT NULL,
    order_id        text,
    reference       text,
    rule_version    int,
    reason          text,
    actor           text,
    shortfall       bigint NOT NULL DEFAULT 0,
    reverses        uuid,
    occurred_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, transaction_id),
    UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX loyalty_transaction_by_customer ON loyalty_transaction (tenant_id, customer_id, occurred_at DESC);
-- A correction reverses a transaction at most once.
CREATE UNIQUE INDEX loyalty_transaction_reversed_once ON loyalty_transaction (tenant_id, reverses)
    WHERE reverses IS NOT NULL;

CREATE TABLE loyalty_entry (
    tenant_id      uuid NOT NULL,
    transaction_id uuid NOT NULL,
    line           int NOT NULL,
    account        text NOT NULL CHECK (account IN ('member.pending', 'member.available', 'program.issued',
                       'program.bonus', 'program.redeemed', 'program.expired', 'program.adjusted')),
    customer_id    text NOT NULL,
    amount         bigint NOT NULL CHECK (amount <> 0),
    PRIMARY KEY (tenant_id, transaction_id, line),
    FOREIGN KEY (tenant_id, transaction_id) REFERENCES loyalty_transaction
);
CREATE INDEX loyalty_entry_by_member ON loyalty_entry (tenant_id, customer_id, account);

-- The balance projection, updated in the transaction that inserts the entries. The row is also the
-- lock that serializes every movement of one member. shortfall: points taken back (a refund of points
-- already spent) that no lot could cover; it is settled by the next points that become available.
CREATE TABLE loyalty_account (
    tenant_id       uuid NOT NULL,
    customer_id     text NOT NULL,
    available       bigint NOT NULL DEFAULT 0,
    pending         bigint NOT NULL DEFAULT 0,
    lifetime_earned bigint NOT NULL DEFAULT 0,
    redeemed        bigint NOT NULL DEFAULT 0,
    expired         bigint NOT NULL DEFAULT 0,
    shortfall       bigint NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
    orders_earned   int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

-- Lots: where the member's points came from, for expiry first in first out and for taking back
-- exactly an order line's points. remaining counts what is left to spend of an available lot.
CREATE TABLE loyalty_lot (
    tenant_id      uuid NOT NULL,
    lot_id         uuid NOT NULL,
    customer_id    text NOT NULL,
    transaction_id uuid NOT NULL,
    order_id       text,
    line_id        text,
    category       text,
    points         bigint NOT NULL CHECK (points > 0),
    remaining      bigint NOT NULL CHECK (remaining >= 0),
    expired        bigint NOT NULL DEFAULT 0,
    state          text NOT NULL CHECK (state IN ('PENDING', 'AVAILABLE', 'REVERSED')),
    earned_at      timestamptz NOT NULL,
    available_at   timestamptz,
    expires_at     timestamptz,
    reminded_at    timestamptz,
    PRIMARY KEY (tenant_id, lot_id),
    UNIQUE (tenant_id, order_id, line_id)
);
CREATE INDEX loyalty_lot_spendable ON loyalty_lot (tenant_id, customer_id, expires_at, earned_at)
    WHERE state = 'AVAILABLE' AND remaining > 0;
CREATE INDEX loyalty_lot_due ON loyalty_lot (expires_at) WHERE state = 'AVAILABLE' AND remaining > 0;
CREATE INDEX loyalty_lot_by_order ON loyalty_lot (tenant_id, order_id);

-- Earn rules as versioned data: a new version per change, entries record the version that made them.
CREATE TABLE loyalty_earn_rules (
    tenant_id  uuid NOT NULL,
    version    int NOT NULL CHECK (version > 0),
    rules      jsonb NOT NULL,
    actor      text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

CREATE TABLE loyalty_reward (
    tenant_id   uuid NOT NULL,
    reward_id   text NOT NULL CHECK (char_length(reward_id) BETWEEN 1 AND 100),
    name        text NOT NULL,
    kind        text NOT NULL,
    cost        bigint NOT NULL CHECK (cost > 0),
    active      boolean NOT NULL,
    min_tier    text,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, reward_id)
);

CREATE TABLE loyalty_tier (
    tenant_id  uuid NOT NULL,
    name       text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    threshold  bigint NOT NULL CHECK (threshold >= 0),
    PRIMARY KEY (tenant_id, name),
    UNIQUE (tenant_id, threshold)
);

-- The member's current tier; below_since starts the grace period before a downgrade.
CREATE TABLE loyalty_member_tier (
    tenant_id   uuid NOT NULL,
    customer_id text NOT NULL,
    tier        text NOT NULL,
    since       timestamptz NOT NULL,
    below_since timestamptz,
    evaluated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

-- Insert-only, enforced for the application role: no update or delete on the ledger itself.
REVOKE UPDATE, DELETE ON loyalty_transaction FROM ${appUser};
REVOKE UPDATE, DELETE ON loyalty_entry FROM ${appUser};
REVOKE UPDATE, DELETE ON loyalty_earn_rules FROM ${appUser};

ALTER TABLE loyalty_transaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_lot ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_earn_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_reward ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_tier ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_member_tier ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_transaction
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_entry
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_account
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_lot
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_earn_rules
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_reward
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_tier
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_member_tier
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Jobs run outside any tenant: these list the work across tenants without reading tenant data.
CREATE FUNCTION loyalty_tenants() RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT tenant_id FROM loyalty_account $$;
REVOKE ALL ON FUNCTION loyalty_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loyalty_tenants() TO ${appUser};

-- Members with points to expire now, or to remind about (expiring before the horizon, not yet told);
-- of one tenant, or of all when p_tenant is null.
CREATE FUNCTION loyalty_due_lots(p_tenant uuid, p_now timestamptz, p_horizon timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, customer_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT tenant_id, customer_id FROM (
              SELECT tenant_id, customer_id FROM loyalty_lot
               WHERE state = 'AVAILABLE' AND remaining > 0 AND (p_tenant IS NULL OR tenant_id = p_tenant)
                 AND (expires_at <= p_now OR (reminded_at IS NULL AND expires_at <= p_horizon))
               ORDER BY expires_at LIMIT p_limit) due $$;
REVOKE ALL ON FUNCTION loyalty_due_lots(uuid, timestamptz, timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loyalty_due_lots(uuid, timestamptz, timestamptz, int) TO ${appUser};

-- A bonus for one reference (a review, a referral, a birthday year) is earned once, whatever key.
CREATE UNIQUE INDEX loyalty_bonus_once ON loyalty_transaction (tenant_id, customer_id, reference)
    WHERE kind = 'BONUS';

-- Members due for a tier check without a movement of their own: their grace ended before p_before,
-- or they were last checked before p_stale (points leave the rolling window as time passes).
CREATE FUNCTION loyalty_due_downgrades(p_tenant uuid, p_before timestamptz, p_stale timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, customer_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, customer_id FROM loyalty_member_tier
          WHERE (p_tenant IS NULL OR tenant_id = p_tenant) AND (below_since <= p_before OR evaluated_at <= p_stale)
          ORDER BY evaluated_at LIMIT p_limit $$;
REVOKE ALL ON FUNCTION loyalty_due_downgrades(uuid, timestamptz, timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION loyalty_due_downgrades(uuid, timestamptz, timestamptz, int) TO ${appUser};
