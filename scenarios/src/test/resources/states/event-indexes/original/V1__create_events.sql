CREATE TABLE events (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL,
    external_key text NOT NULL,
    payload jsonb NOT NULL
);
