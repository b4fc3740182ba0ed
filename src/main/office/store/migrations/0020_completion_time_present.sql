-- The time the trainee was present on the scenario (the attempt's clock, which stands still while
-- they are away), in milliseconds; null on the records finished before it was kept.
ALTER TABLE training_completions ADD COLUMN present_ms bigint CHECK (present_ms >= 0);
