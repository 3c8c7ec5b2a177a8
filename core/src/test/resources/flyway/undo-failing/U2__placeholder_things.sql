drop table ${missing_value}_things;
