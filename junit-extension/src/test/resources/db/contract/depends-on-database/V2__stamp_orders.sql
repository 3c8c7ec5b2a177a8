-- Records where it ran: a different result in every database it runs in.
DO $$ BEGIN EXECUTE format('COMMENT ON TABLE orders IS %L', 'migrated in ' || current_database()); END $$;
