CREATE TYPE platformtype AS ENUM ('meta_ads', 'tiktok_ads', 'google_ads');
CREATE TABLE campaigns (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    platform platformtype NOT NULL
);
