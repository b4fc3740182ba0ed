-- What derived data was last derived from, so that start-up redoes it only when its inputs changed.
-- 'calendars': the SHA-256 of the calendar files every open case's due date was last derived with.
CREATE TABLE derived_state (
  name text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON derived_state TO despacho_app;
  END IF;
END;
$$;
