-- When a closed case (resolved, notified, archived, withdrawn, expired) reached its current state:
-- the queues show that state and date instead of the days left. Kept by a trigger so that every module that moves a case to a closed
-- state records it, with the clock of the change (its updated_at), without knowing about it.
ALTER TABLE cases ADD COLUMN closed_at timestamptz;

UPDATE cases SET closed_at = updated_at
  WHERE state IN ('resolved', 'notified', 'archived', 'withdrawn', 'expired');

CREATE FUNCTION cases_keep_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state IN ('resolved', 'notified', 'archived', 'withdrawn', 'expired') THEN
    IF TG_OP = 'INSERT' THEN
      NEW.closed_at := coalesce(NEW.closed_at, NEW.updated_at);
    ELSIF OLD.state IS DISTINCT FROM NEW.state THEN
      NEW.closed_at := NEW.updated_at;
    END IF;
  ELSE
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER cases_closed_at BEFORE INSERT OR UPDATE OF state ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_keep_closed_at();

-- The "all" view: every case of the department, any state, by due date (pages and counts read only
-- the index, like the open queues' indexes of 0003).
CREATE INDEX cases_department_due ON cases (department_id, due_date, id)
  INCLUDE (assignee_id, state, procedure_code, search_text);
