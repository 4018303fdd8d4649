-- The collect claim of each pending BankID login, apart from the wide login row. A claim is a
-- conditional update every two seconds per pending login; on bankid_login it rewrote the whole row
-- and, in H2, its secondary indexes (about 140 µs a claim under the polling benchmark). A row
-- exists while its login is pending: made with the login, deleted when it ends.
CREATE TABLE bankid_collect (
    login_id        VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES bankid_login (id) ON DELETE CASCADE,
    last_collect_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO bankid_collect (login_id, last_collect_at)
    SELECT id, last_collect_at FROM bankid_login WHERE status = 'PENDING';
ALTER TABLE bankid_login DROP COLUMN last_collect_at;
