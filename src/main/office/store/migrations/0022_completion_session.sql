-- The class session a trainee was in when they finished a scenario (the newest session naming them,
-- whose trainer trainer_id already names), so that the trainer's console counts, per trainee, what
-- was done in the session being viewed and not in earlier classes. The records made before it was
-- kept say no session (null); the CSV and the certificates still list every record.
ALTER TABLE training_completions ADD COLUMN session_id integer REFERENCES training_sessions (id);

CREATE INDEX training_completions_by_session ON training_completions (session_id, trainee_id);

-- The table's grants of 0016 cover the new column; given again as 0016 gives them, for an
-- application role made since.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT ON training_completions TO despacho_app;
  END IF;
END;
$$;
