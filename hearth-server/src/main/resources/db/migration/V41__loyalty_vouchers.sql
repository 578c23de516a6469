-- Vouchers: unique codes with validation rules and limits. A redemption takes the voucher row's lock,
-- so concurrent checkouts never redeem a voucher more often than its limit.
CREATE TABLE loyalty_voucher (
    tenant_id          uuid NOT NULL,
    code               text NOT NULL CHECK (char_length(code) BETWEEN 4 AND 64),
    kind               text NOT NULL CHECK (kind IN ('PERCENT', 'AMOUNT', 'FREE_SHIPPING')),
    value              numeric(12, 2) NOT NULL CHECK (value >= 0),
    min_basket         numeric(12, 2),
    categories         text[] NOT NULL DEFAULT '{}',
    first_order_only   boolean NOT NULL DEFAULT false,
    per_customer_limit int CHECK (per_customer_limit > 0),
    redemption_limit   int CHECK (redemption_limit > 0),
    redeemed           int NOT NULL DEFAULT 0,
    customer_id        text,
    expires_at         timestamptz,
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, code),
    CHECK (redemption_limit IS NULL OR redeemed <= redemption_limit)
);

CREATE TABLE loyalty_voucher_redemption (
    tenant_id   uuid NOT NULL,
    code        text NOT NULL,
    order_id    text NOT NULL,
    customer_id text NOT NULL,
    discount    numeric(12, 2) NOT NULL,
    redeemed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, code, order_id),
    FOREIGN KEY (tenant_id, code) REFERENCES loyalty_voucher
);
CREATE INDEX loyalty_voucher_redemption_by_customer ON loyalty_voucher_redemption (tenant_id, code, customer_id);

ALTER TABLE loyalty_voucher ENABLE ROW LEVEL SECURITY;
ALTER TABLE loyalty_voucher_redemption ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON loyalty_voucher
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
CREATE POLICY tenant_isolation ON loyalty_voucher_redemption
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
