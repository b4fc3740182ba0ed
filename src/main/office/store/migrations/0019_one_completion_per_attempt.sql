-- One completion record per attempt (a trainee's scenario from the instant it started): a trainee's
-- sandbox keeps the attempt, the class's store the record, so finishing is recorded first and
-- recording the same attempt again (after a failure between the two) must keep a single record.
CREATE UNIQUE INDEX training_completions_one_per_attempt
  ON training_completions (trainee_id, scenario_id, started_at);
