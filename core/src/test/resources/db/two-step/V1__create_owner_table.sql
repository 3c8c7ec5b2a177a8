CREATE TABLE ${table_name} (id bigint PRIMARY KEY);
