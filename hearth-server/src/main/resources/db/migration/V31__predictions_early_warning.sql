-- Whether the customer's last score carried an early warning, so that PredictionChanged(EARLY_WARNING)
-- is published once when one appears and once when it goes away.
ALTER TABLE predictions_score ADD COLUMN early_warning boolean NOT NULL DEFAULT false;
