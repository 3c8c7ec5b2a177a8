CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.events (type) VALUES ('created');
    RETURN NEW;
END
$$;
-- auth.users exists where the platform (Supabase) provides it, not on a plain PostgreSQL.
CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
