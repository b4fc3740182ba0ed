-- The amendment request is notified (art. 68, arts. 40–46 Ley 39/2015): its document goes through the
-- same notifications as a resolution, and its term and the suspension of the term to resolve
-- (art. 22.1.a: "desde la notificación del requerimiento") start from the day that notification is
-- made. Until then the request has no notification day, no last day and no suspension.
ALTER TABLE amendment_requests ALTER COLUMN notified_on DROP NOT NULL;
ALTER TABLE amendment_requests ALTER COLUMN ends_on DROP NOT NULL;
ALTER TABLE amendment_requests
  ADD CONSTRAINT amendment_requests_term_from_notification CHECK ((notified_on IS NULL) = (ends_on IS NULL));
-- The notification of the request (requests made before 0018 counted as notified when issued: none).
ALTER TABLE amendment_requests ADD COLUMN notification_id integer UNIQUE REFERENCES notifications (id);

-- What a notification notifies: the case's signed resolution, or an amendment request.
ALTER TABLE notifications ADD COLUMN purpose text NOT NULL DEFAULT 'resolution'
  CHECK (purpose IN ('resolution', 'amendment_request'));
