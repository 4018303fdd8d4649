-- The audit trail only grows (a few rows per login attempt). Granskning lists its newest events,
-- optionally of one type, and the event types for its filter: without these indexes each page view
-- sorted or scanned the whole trail.
CREATE INDEX audit_event_recent ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_type ON audit_event (event_type, occurred_at DESC, id DESC);
