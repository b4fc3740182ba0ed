-- Queue pages and counts filter on the text, procedure and state too: with those columns in the
-- queue indexes, a page or a count reads only the index (no table pages) while the table is vacuumed.
DROP INDEX cases_department_open_due;
DROP INDEX cases_department_unassigned_due;
DROP INDEX cases_assignee_open_due;

CREATE INDEX cases_department_open_due ON cases (department_id, due_date, id)
  INCLUDE (assignee_id, state, procedure_code, search_text) WHERE is_open;
CREATE INDEX cases_department_unassigned_due ON cases (department_id, due_date, id)
  INCLUDE (state, procedure_code, search_text) WHERE is_open AND assignee_id IS NULL;
CREATE INDEX cases_assignee_open_due ON cases (assignee_id, due_date, id)
  INCLUDE (state, procedure_code, search_text) WHERE is_open;
