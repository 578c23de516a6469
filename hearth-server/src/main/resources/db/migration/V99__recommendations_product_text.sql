-- Each product's text embedding (all-MiniLM-L6-v2, 384 unit-length floats, little-endian) with a hash
-- of the text it was computed from: training embeds only products whose name, brand, category or
-- attributes changed since, so a retrain of a large catalogue does not pay the model again.
CREATE TABLE recommendations_product_text (
    tenant_id   uuid NOT NULL,
    product_id  text NOT NULL,
    text_hash   bigint NOT NULL,
    embedding   bytea NOT NULL,
    embedded_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);

ALTER TABLE recommendations_product_text ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recommendations_product_text
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
