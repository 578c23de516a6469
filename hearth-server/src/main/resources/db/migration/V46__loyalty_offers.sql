-- The offer bandit: the offer types (arms) a shop lets Hearth choose among, each with what one offer
-- costs and an optional budget that a choice never passes (the choice locks the arm rows), and
-- every offer made, with the customer features it was chosen on and the response once known.
CREATE TABLE loyalty_offer_arm (
    tenant_id uuid NOT NULL,
    name      text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
    kind      text NOT NULL CHECK (kind IN ('DISCOUNT', 'FREE_SHIPPING', 'BONUS_POINTS', 'EXCLUSIVE_ACCESS')),
    value     numeric NOT NULL DEFAULT 0 CHECK (value >= 0),
    cost      numeric NOT NULL CHECK (cost >= 0),
    budget    numeric CHECK (budget >= 0),
    spent     numeric NOT NULL DEFAULT 0,
    position  int NOT NULL,
    PRIMARY KEY (tenant_id, name),
    CHECK (budget IS NULL OR spent <= budget)
);

CREATE TABLE loyalty_offer (
    tenant_id    uuid NOT NULL,
    offer_id     uuid NOT NULL,
    customer_id  text NOT NULL,
    arm          text NOT NULL,
    context      double precision[] NOT NULL,
    cost         numeric NOT NULL DEFAULT 0,
    voucher_code text,
    chosen_at    timestamptz NOT NULL,
    reward       double precision,
    rewarded_at  timestamptz,
    PRIMARY KEY (tenant_id, offer_id)
);
CREATE INDEX loyalty_offer_by_voucher ON loyalty_offer (tenant_id, voucher_code) WHERE voucher_code IS NOT NULL;
CREATE INDEX loyalty_offer_by_time ON loyalty_offer (tenant_id, chosen_at);

ALTER TABLE loyalty_offer_arm ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_offer ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_offer_arm
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_offer
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
