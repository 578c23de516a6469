-- The catalog: one row per product of a tenant, learned from events and set through the product API.
CREATE TABLE catalog_product (
    tenant_id     uuid NOT NULL,
    product_id    text NOT NULL CHECK (char_length(product_id) BETWEEN 1 AND 200),
    name          text,
    category      text,
    brand         text,
    price         numeric(20, 4),
    currency      char(3),
    in_stock      boolean NOT NULL,
    replenishable boolean NOT NULL,
    url           text,
    image_url     text,
    attributes    jsonb NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);

ALTER TABLE catalog_product ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON catalog_product
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());
