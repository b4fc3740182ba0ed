-- The people of a class. A trainee works on a seat: one of the demo city's fictitious staff, whose
-- cases and card the scenarios use. The trainer names the person on each seat of a session
-- (participants: seat's user id → the person's name), and a completion record keeps the name of
-- the person who finished it (person_name), so the records and the certificate name the person,
-- not the seat, even when the seat is someone else's in a later class. Sessions made before it name
-- nobody ({}), and records made before it or without a name keep null: the seat's name stands.
ALTER TABLE training_sessions ADD COLUMN participants jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE training_completions ADD COLUMN person_name text;
