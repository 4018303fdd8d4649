-- BankID logins (RP API v6.0) between start and completion. Any node serves any poll: the time of
-- the last collect is claimed here with a conditional update, so each order is collected at most
-- once per interval however many tabs or nodes poll. qr_start_secret is cleared when the login ends.
CREATE TABLE bankid_login (
    id                VARCHAR(64)  NOT NULL PRIMARY KEY,
    order_ref         VARCHAR(64)  NOT NULL,
    auto_start_token  VARCHAR(64),
    qr_start_token    VARCHAR(64),
    qr_start_secret   VARCHAR(64),
    order_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    login_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    device            VARCHAR(10)  NOT NULL,
    mobile            BOOLEAN      NOT NULL,
    end_user_ip       VARCHAR(45)  NOT NULL,
    user_agent        VARCHAR(400),
    referring_domain  VARCHAR(255),
    device_identifier VARCHAR(64),
    return_url        VARCHAR(500),
    return_nonce      VARCHAR(64),
    status            VARCHAR(12)  NOT NULL,
    hint_code         VARCHAR(40),
    error_code        VARCHAR(10),
    rfa               VARCHAR(8),
    restarts          INT          NOT NULL,
    last_collect_at   TIMESTAMP WITH TIME ZONE,
    personnummer      CHAR(12),
    CONSTRAINT bankid_login_status CHECK (status IN ('PENDING', 'COMPLETE', 'FAILED', 'CANCELLED', 'CONSUMED')),
    CONSTRAINT bankid_login_device CHECK (device IN ('SAME', 'OTHER'))
);
CREATE INDEX bankid_login_started ON bankid_login (login_started_at);

-- BankID's completionData of each completed login: the evidence kept with the audit event
-- (LOGIN_BANKID, same correlation id). Rows are only ever inserted.
CREATE TABLE bankid_completion (
    order_ref         VARCHAR(64)  NOT NULL PRIMARY KEY,
    login_id          VARCHAR(64)  NOT NULL,
    personnummer      CHAR(12)     NOT NULL,
    given_name        VARCHAR(100),
    surname           VARCHAR(100),
    device_ip         VARCHAR(45),
    device_uhi        VARCHAR(100),
    bankid_issue_date VARCHAR(10),
    step_up_mrtd      BOOLEAN,
    risk              VARCHAR(10),
    signature         TEXT,
    ocsp_response     TEXT,
    correlation_id    VARCHAR(20),
    completed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bankid_completion_personnummer ON bankid_completion (personnummer, completed_at);
