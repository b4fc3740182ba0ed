-- The head of the audit chain, read under the chain's lock in one round trip. Inside a volatile
-- function each statement takes a fresh snapshot (READ COMMITTED), so the row read after the lock
-- is granted is the head the previous writer committed. The lock is held until the transaction ends.
CREATE FUNCTION audit_chain_head(lock_key bigint)
RETURNS TABLE (seq bigint, hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY SELECT t.seq, t.hash FROM audit_trail t ORDER BY t.seq DESC LIMIT 1;
END;
$$;
