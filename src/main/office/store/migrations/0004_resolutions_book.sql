-- The resolutions book: one gap-free sequence of numbers per year (2026/000123).
--
-- A number is reserved before the card signs (it is stamped into the document), and confirmed with
-- the signed document in one transaction. A reservation that is cancelled, or not confirmed before it
-- expires (the desk died, the network went away), goes back to the pool and is the next one handed
-- out: every number below next_number is confirmed, reserved, or waiting to be reused, so the book
-- has no gap once pending work is done, and a number is never confirmed twice.
CREATE TABLE resolution_book_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
  next_number integer NOT NULL DEFAULT 1 CHECK (next_number > 0)
);

CREATE TABLE resolution_numbers (
  year integer NOT NULL REFERENCES resolution_book_years (year),
  number integer NOT NULL CHECK (number > 0),
  state text NOT NULL CHECK (state IN ('free', 'reserved', 'confirmed')),
  -- Who holds a reservation: a fresh id per reservation, so a late confirmation of an expired and
  -- reused number can never take the new holder's number.
  reservation_id text UNIQUE,
  reserved_for text,
  expires_at timestamptz,
  -- The document's secure verification code (CSV), printed on it with the number.
  csv text UNIQUE,
  confirmed_at timestamptz,
  case_id integer REFERENCES cases (id),
  signer_id text REFERENCES users (id),
  signed_sha256 text CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (year, number),
  CHECK (
    (state = 'free' AND reservation_id IS NULL AND confirmed_at IS NULL)
    OR (state = 'reserved' AND reservation_id IS NOT NULL AND expires_at IS NOT NULL AND confirmed_at IS NULL)
    OR (state = 'confirmed' AND confirmed_at IS NOT NULL AND case_id IS NOT NULL AND signer_id IS NOT NULL
        AND signed_sha256 IS NOT NULL AND csv IS NOT NULL)
  )
);

-- One document gets one number: a second desk confirming the same signature request is refused.
CREATE UNIQUE INDEX resolution_numbers_one_per_subject ON resolution_numbers (reserved_for)
  WHERE state = 'confirmed';

-- The next number to hand out is the lowest one waiting for reuse, if any.
CREATE INDEX resolution_numbers_reusable ON resolution_numbers (year, number) WHERE state <> 'confirmed';

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'despacho_app') THEN
    GRANT SELECT, INSERT, UPDATE ON resolution_book_years, resolution_numbers TO despacho_app;
  END IF;
END;
$$;
