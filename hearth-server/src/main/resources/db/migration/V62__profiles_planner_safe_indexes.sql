-- The partial index of live profiles held only tenant_id, so any query on a few profiles that also
-- said "merged_into is null" could be planned as a walk over every live profile of the tenant (and
-- was, on tables not analyzed yet, as after a bulk import): tens of milliseconds per batch, growing
-- with the shop. With customer_id in it, each plan that uses it looks profiles up by id.
DROP INDEX profiles_customer_active;
CREATE INDEX profiles_customer_active ON profiles_customer (tenant_id, customer_id) WHERE merged_into IS NULL;

-- Computed attributes are updated in place batch after batch; room in each page lets PostgreSQL keep
-- the new row version on the same page without touching the indexes (a HOT update).
ALTER TABLE profiles_customer SET (fillfactor = 80);
