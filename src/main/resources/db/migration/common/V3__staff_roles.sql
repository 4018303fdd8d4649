-- Console roles of staff (SPEC §3.5): beställare act for one organisation; Kundcenter and
-- behörighetsadministratörer work at Försäkringskassan. Staff get them only when logged in with a
-- method that proves identity strongly enough (never SMS).
CREATE TABLE staff_role (
    person_id       BIGINT       NOT NULL REFERENCES person (id),
    role            VARCHAR(40)  NOT NULL,
    organisation_id BIGINT       REFERENCES organisation (id),
    PRIMARY KEY (person_id, role),
    CONSTRAINT staff_role_orderer_has_organisation CHECK (role <> 'BESTALLARE' OR organisation_id IS NOT NULL)
);
