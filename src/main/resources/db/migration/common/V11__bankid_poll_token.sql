-- The waiting page polls its login's status with a token of its own (128 random bits), so that a
-- poll needs neither the session nor Spring Security. Only the token's SHA-256 is kept: a copy of
-- this table lets nobody poll.
ALTER TABLE bankid_login ADD COLUMN poll_token_hash VARCHAR(64);
CREATE UNIQUE INDEX bankid_login_poll_token ON bankid_login (poll_token_hash);
