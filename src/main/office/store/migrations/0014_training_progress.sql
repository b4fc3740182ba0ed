-- A trainee's progress through a training scenario, kept in the training sandbox so that closing the
-- app mid-scenario resumes at the same step. One row per trainee: starting a scenario replaces it.
-- 'cases' maps the scenario's case aliases to the sandbox's cases; 'steps' holds, per step reached, when it started, the hints asked, the mistakes made and its outcome.
CREATE TABLE training_progress (
  trainee_id text PRIMARY KEY REFERENCES users (id),
  scenario_id text NOT NULL,
  scenario_version integer NOT NULL,
  mode text NOT NULL CHECK (mode IN ('guided', 'assessment')),
  cases jsonb NOT NULL,
  started_at timestamptz NOT NULL,
  step_index integer NOT NULL CHECK (step_index >= 0),
  steps jsonb NOT NULL,
  finished_at timestamptz
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON training_progress TO despacho_app;
  END IF;
END;
$$;
