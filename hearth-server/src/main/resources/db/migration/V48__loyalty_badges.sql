-- Badges and milestones: lifetime points, paid orders, or a streak of weeks with an order. A badge
-- is earned once per member (the row), and its reward points are a BONUS keyed by badge and member.
CREATE TABLE loyalty_badge (
    tenant_id     uuid NOT NULL,
    badge_id      text NOT NULL CHECK (char_length(badge_id) BETWEEN 1 AND 100),
    name          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('LIFETIME_POINTS', 'ORDERS', 'WEEKLY_STREAK')),
    threshold     bigint NOT NULL CHECK (threshold > 0),
    reward_points bigint NOT NULL CHECK (reward_points >= 0),
    active        boolean NOT NULL,
    PRIMARY KEY (tenant_id, badge_id)
);

CREATE TABLE loyalty_member_badge (
    tenant_id   uuid NOT NULL,
    customer_id text NOT NULL,
    badge_id    text NOT NULL,
    value       bigint NOT NULL,
    earned_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, badge_id)
);

ALTER TABLE loyalty_badge ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_member_badge ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_badge
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_member_badge
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
