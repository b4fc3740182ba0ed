-- Withdrawal of an application (desistimiento), recorded before the resolution that declares it.
--
-- kind 'applicant': the applicant withdrew (Ley 39/2015, art. 94): by a registry entry (its number
-- and the filing date) and/or their written request, kept as a case document.
-- kind 'deemed': an amendment request went unanswered (art. 68.1): the day it was notified and the
-- last day of its 10 business days, as worked out by the office's calendar.
-- One withdrawal per case: registering it twice is refused, so nothing is done twice.
CREATE TABLE withdrawals (
  case_id integer PRIMARY KEY REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('applicant', 'deemed')),
  registry_number text,
  filed_on date,
  document_id integer REFERENCES documents (id),
  amendment_notified_on date,
  amendment_term_ended_on date,
  recorded_by text NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK (
    (kind = 'applicant' AND filed_on IS NOT NULL AND (registry_number IS NOT NULL OR document_id IS NOT NULL))
    OR (kind = 'deemed' AND amendment_notified_on IS NOT NULL AND amendment_term_ended_on IS NOT NULL)
  )
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT ON withdrawals TO despacho_app;
    GRANT SELECT, INSERT ON notes TO despacho_app;
  END IF;
END;
$$;
