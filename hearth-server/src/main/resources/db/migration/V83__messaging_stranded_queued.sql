-- A message committed as 'queued' whose node died before the first attempt was never handed to a
-- provider, so it is safe to send. The retry job takes such messages once they have waited a grace
-- period longer than any first attempt takes (the claim keeps a slow first attempt and the job apart).
CREATE INDEX messaging_message_queued ON messaging_message (created_at) WHERE status = 'queued';

CREATE OR REPLACE FUNCTION messaging_due_retries(p_now timestamptz, p_limit int)
    RETURNS TABLE (tenant_id uuid, message_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ (SELECT tenant_id, message_id FROM messaging_message
           WHERE status = 'retrying' AND next_attempt_at <= p_now
           ORDER BY next_attempt_at LIMIT p_limit)
          UNION ALL
          (SELECT tenant_id, message_id FROM messaging_message
           WHERE status = 'queued' AND created_at <= p_now - interval '1 minute'
           ORDER BY created_at LIMIT p_limit) $$;
