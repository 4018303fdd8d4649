-- E-legitimation via brokers: logins started and waiting for the broker to send the person back.
CREATE TABLE eleg_login_transaction (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    provider        VARCHAR(40)   NOT NULL,
    state           VARCHAR(100)  NOT NULL,
    nonce           VARCHAR(100)  NOT NULL,
    code_verifier   VARCHAR(200)  NOT NULL,
    redirect_uri    VARCHAR(500)  NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT eleg_login_transaction_status CHECK (status IN ('PENDING', 'USED'))
);
CREATE INDEX eleg_login_transaction_created ON eleg_login_transaction (created_at);
