CREATE TABLE companies (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, industry_type varchar(50));
