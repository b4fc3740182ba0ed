-- Who signs, as their certificate says, checked and recorded when the office confirms a signature.
--
-- A user's NIF is what the office compares with the NIF of the certificate that signed: a card of
-- somebody else never numbers a resolution addressed to them. The book entry keeps the numbering
-- signer's name and NIF (unmasked here, masked wherever they are shown or exported) and the
-- certificate's issuer and serial number, committed with the number and the file; entries confirmed
-- before this migration have none (the book then shows the user's name and no NIF).
ALTER TABLE users ADD COLUMN nif text CHECK (nif ~ '^[0-9XYZKLM][0-9]{7}[A-Z]$');
CREATE UNIQUE INDEX users_nif ON users (nif) WHERE nif IS NOT NULL;

ALTER TABLE resolution_numbers
  ADD COLUMN signer_name text,
  ADD COLUMN signer_nif text,
  ADD COLUMN signer_certificate_issuer text,
  ADD COLUMN signer_certificate_serial text,
  -- 'training': a practice card of the demo office's training CA, accepted only by demo desks.
  ADD COLUMN signer_chain text CHECK (signer_chain IN ('trusted', 'training'));
