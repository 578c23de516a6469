-- An open can be reported before the journey step that sent the message commits its response row
-- (mail clients that fetch images on delivery do this within milliseconds). The open then writes the
-- row first, knowing only the message, customer and journey; the step fills in the action later.
ALTER TABLE journeys_response ALTER COLUMN template DROP NOT NULL;
ALTER TABLE journeys_response ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE journeys_response ALTER COLUMN sent_at DROP NOT NULL;
