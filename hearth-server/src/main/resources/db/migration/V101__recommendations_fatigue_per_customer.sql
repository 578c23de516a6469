-- Showing counts as one row per customer instead of one per (customer, product): a slate of ten
-- products upserted ten rows into a primary key of random text ids, and with 200,000 customers asking
-- at random that upsert was 40 % of one core at 1,000 slates/s. One row per slate is a tenth of the
-- index work; the room left on each page lets the update of a returning customer stay on its page.
CREATE TABLE recommendations_fatigue (
    tenant_id     uuid NOT NULL,
    customer_id   text NOT NULL,
    shown         jsonb NOT NULL,
    last_shown_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
) WITH (fillfactor = 70);

INSERT INTO recommendations_fatigue (tenant_id, customer_id, shown, last_shown_at)
SELECT tenant_id, customer_id, jsonb_object_agg(product_id, shown), max(last_shown_at)
FROM recommendations_impression
WHERE shown > 0
GROUP BY tenant_id, customer_id;

DROP TABLE recommendations_impression;

ALTER TABLE recommendations_fatigue ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendations_fatigue
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Adds the counts of the second object (a batch's few products) to the first's: only the second's
-- keys are looked at, so a customer with many counted products costs no more per slate.
CREATE FUNCTION hearth_add_counts(counts jsonb, more jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT counts || coalesce(
        (SELECT jsonb_object_agg(key, coalesce((counts ->> key)::int, 0) + value::int) FROM jsonb_each_text(more)),
        '{}'::jsonb)
$$;
