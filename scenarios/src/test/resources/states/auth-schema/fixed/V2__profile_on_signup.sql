-- auth.users belongs to the hosting platform, not to this chain: only where the platform provides it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'auth' AND table_name = 'users') THEN
        CREATE TRIGGER create_profile_on_signup
            AFTER INSERT ON auth.users
            FOR EACH ROW EXECUTE FUNCTION create_profile();
    END IF;
END
$$;
