-- A trainer's class sessions on a training desk: a name, the scenarios the class does and its
-- trainees. Kept in the training sandbox beside training_progress, which says where each trainee is.
-- The scenarios and trainees are checked against the desk's when the session is made.
CREATE TABLE training_sessions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  scenario_ids jsonb NOT NULL,
  trainee_ids jsonb NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON training_sessions TO despacho_app;
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO despacho_app;
  END IF;
END;
$$;
