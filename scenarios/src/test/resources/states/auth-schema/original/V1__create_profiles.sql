CREATE TABLE profiles (
    id uuid PRIMARY KEY,
    display_name text
);

CREATE FUNCTION create_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.profiles (id) VALUES (NEW.id);
    RETURN NEW;
END
$$;
