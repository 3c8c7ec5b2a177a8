SELECT pg_sleep(30);
