-- The outbox's newest messages to one number (the demo phone, the benchmark's reading of codes):
-- without this index every lookup scanned the whole outbox, which grows with every code sent.
CREATE INDEX sms_outbox_to ON sms_outbox (to_e164, id);
