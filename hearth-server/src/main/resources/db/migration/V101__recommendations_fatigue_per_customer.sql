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

-- Adds each product's count of the second object to the first's.
CREATE FUNCTION hearth_add_counts(counts jsonb, more jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
    FROM (
        SELECT key, sum(value::int) AS total
        FROM (SELECT * FROM jsonb_each_text(counts) UNION ALL SELECT * FROM jsonb_each_text(more)) AS both_counts
        GROUP BY key
    ) AS summed
$$;
