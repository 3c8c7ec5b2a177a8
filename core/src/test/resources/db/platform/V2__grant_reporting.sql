GRANT SELECT ON products TO migrationtest_platform_reader;
