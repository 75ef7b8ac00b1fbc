-- The jurisdiction policy in force, as deadline-service last announced it on policy-events (PolicyInForce): the one
-- source of the extension limit and of the zone this service numbers requests and shows times in. One row, key
-- 'in-force'; kept here so that a restart while Kafka is down still knows it.
CREATE TABLE policy_in_force (
    policy_key     VARCHAR(32)  PRIMARY KEY,
    profile        VARCHAR(64)  NOT NULL,
    jurisdiction   VARCHAR(64)  NOT NULL,
    zone           VARCHAR(64)  NOT NULL,
    max_extensions INTEGER      NOT NULL,
    announced_at   TIMESTAMPTZ  NOT NULL
);
