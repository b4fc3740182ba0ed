-- Every scenario a trainee finished, kept when the scenario is started again (training_progress holds
-- only the attempt under way): what the trainer exports as completion records and certificates.
-- The score is 'steps_right' of 'steps_total' against 'pass_mark'; 'trainer_id' is the trainer in charge of the trainee when it finished, if known.
CREATE TABLE training_completions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trainee_id text NOT NULL REFERENCES users (id),
  scenario_id text NOT NULL,
  scenario_version integer NOT NULL,
  mode text NOT NULL CHECK (mode IN ('guided', 'assessment')),
  steps_right integer NOT NULL CHECK (steps_right >= 0),
  steps_total integer NOT NULL CHECK (steps_total > 0 AND steps_right <= steps_total),
  pass_mark integer NOT NULL CHECK (pass_mark >= 0),
  passed boolean NOT NULL,
  hints_used integer NOT NULL CHECK (hints_used >= 0),
  mistakes integer NOT NULL CHECK (mistakes >= 0),
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL CHECK (finished_at >= started_at),
  trainer_id text REFERENCES users (id)
);

CREATE INDEX training_completions_by_trainee ON training_completions (trainee_id, finished_at);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT ON training_completions TO despacho_app;
  END IF;
END;
$$;
