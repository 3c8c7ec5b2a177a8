-- reporting_reader is a cluster-wide role the platform creates.
GRANT SELECT ON products TO reporting_reader;
