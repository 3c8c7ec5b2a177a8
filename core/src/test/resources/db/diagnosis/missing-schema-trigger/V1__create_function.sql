CREATE FUNCTION sync_profile() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
