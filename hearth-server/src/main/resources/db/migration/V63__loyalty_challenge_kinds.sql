-- Challenges beyond monthly spend: what a challenge counts (spend, orders, new categories, reviews,
-- weeks in a row with a visit). Existing challenges keep counting spend.
ALTER TABLE loyalty_challenge ADD COLUMN kind text NOT NULL DEFAULT 'SPEND'
    CHECK (kind IN ('SPEND', 'ORDERS', 'NEW_CATEGORIES', 'REVIEWS', 'WEEKLY_VISITS'));
