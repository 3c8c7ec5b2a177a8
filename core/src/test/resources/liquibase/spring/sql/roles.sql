CREATE TABLE user_roles (user_id bigint NOT NULL REFERENCES users (id), role text NOT NULL);
CREATE INDEX user_roles_user ON user_roles (user_id);
