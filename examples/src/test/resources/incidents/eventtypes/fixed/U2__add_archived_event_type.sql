-- PostgreSQL cannot drop an enum label; the table goes, the label stays (V2 adds it IF NOT EXISTS).
DROP TABLE event_archive;
