-- Budgets in money beside budgets in points: a budget with a currency (ISO 4217) counts its total
-- and what was spent in that currency's minor units (cents). A budget without one counts points, as
-- before. A voucher that names a money budget draws its discount from it when redeemed, under the
-- budget row's lock, so concurrent checkouts never pass the total; the currency never changes once
-- set, so amounts already spent keep their meaning.
ALTER TABLE loyalty_budget ADD COLUMN currency text CHECK (currency ~ '^[A-Z]{3}$');

ALTER TABLE loyalty_voucher ADD COLUMN budget_id text;
ALTER TABLE loyalty_voucher ADD FOREIGN KEY (tenant_id, budget_id) REFERENCES loyalty_budget;
