CREATE TABLE drafts (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    status draft_status NOT NULL DEFAULT 'streaming',
    body text
);
