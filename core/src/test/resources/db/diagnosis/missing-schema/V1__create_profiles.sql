CREATE TABLE auth.profiles (id uuid PRIMARY KEY, display_name text);
