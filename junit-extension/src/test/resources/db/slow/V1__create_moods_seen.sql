CREATE TABLE moods_seen (id bigint PRIMARY KEY);
