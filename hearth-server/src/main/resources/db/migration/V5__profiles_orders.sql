-- Each order's lifecycle: placed → paid → fulfilled → delivered → return window closed, or refunded
-- or cancelled. Each step's time is set once, by the first event that reports it.
CREATE TABLE profiles_order (
    tenant_id               uuid NOT NULL,
    order_id                text NOT NULL,
    customer_id             text NOT NULL,
    status                  text NOT NULL,
    total                   numeric(20, 4),
    currency                char(3),
    placed_at               timestamptz,
    paid_at                 timestamptz,
    fulfilled_at            timestamptz,
    delivered_at            timestamptz,
    return_window_closes_at timestamptz,
    return_window_closed_at timestamptz,
    refunded_at             timestamptz,
    cancelled_at            timestamptz,
    updated_at              timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, order_id)
);
CREATE INDEX profiles_order_by_customer ON profiles_order (tenant_id, customer_id);
CREATE INDEX profiles_order_return_window_due ON profiles_order (return_window_closes_at)
    WHERE return_window_closed_at IS NULL AND return_window_closes_at IS NOT NULL;

ALTER TABLE profiles_order ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON profiles_order
    USING (tenant_id = hearth_current_tenant()) WITH CHECK (tenant_id = hearth_current_tenant());

-- Orders of every tenant whose return window has passed: the closing job runs outside any tenant,
-- so this owner-run function tells it which tenants have work, and nothing else.
CREATE FUNCTION profiles_due_return_windows(p_now timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, order_id text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT tenant_id, order_id FROM profiles_order
          WHERE return_window_closed_at IS NULL AND return_window_closes_at <= p_now
          ORDER BY return_window_closes_at LIMIT p_limit $$;
REVOKE ALL ON FUNCTION profiles_due_return_windows(timestamptz, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION profiles_due_return_windows(timestamptz, int) TO ${appUser};
