-- The audit trail is append-only: rows can be added, never changed or removed.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW CALL 'se.susam.inloggning.audit.H2AppendOnlyTrigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW CALL 'se.susam.inloggning.audit.H2AppendOnlyTrigger';
