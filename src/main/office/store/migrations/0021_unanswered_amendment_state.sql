-- A request closed unanswered (its case deemed withdrawn, art. 68.1) says so in its own state.
-- Before, it stayed 'pending' and only its ended suspension told it apart, which a request notified
-- after the term to resolve had ended (so suspending nothing, art. 22.1.a) could not: it was shown
-- pending for ever.
ALTER TABLE amendment_requests DROP CONSTRAINT amendment_requests_state_check;
ALTER TABLE amendment_requests
  ADD CONSTRAINT amendment_requests_state_check CHECK (state IN ('pending', 'replied', 'unanswered'));

UPDATE amendment_requests AS q
SET state = 'unanswered'
FROM case_suspensions AS s
WHERE s.amendment_request_id = q.id AND q.state = 'pending' AND s.to_on IS NOT NULL;
