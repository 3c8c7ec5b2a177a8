DO $$
BEGIN
    IF to_regclass('auth.users') IS NOT NULL THEN
        DROP TRIGGER IF EXISTS on_auth_user_created ON auth.users;
    END IF;
END
$$;
DROP FUNCTION public.handle_new_user();
