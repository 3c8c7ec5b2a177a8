--
-- PostgreSQL database dump
--

\restrict 6mvq2NNrCNrKBz0p1k2TLERujTo39lB6yiz0jfHHd3P79riSyo7BXFxu9FpOdJf

-- Dumped from database version 15.19
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	create customers	SQL	V1__create_customers.sql	-209835049	postgres	2026-12-01 20:21:40.690948	11	t
2	2	create invoices	SQL	V2__create_invoices.sql	-1051063946	postgres	2026-12-01 20:21:40.725913	35	t
\.


--
-- PostgreSQL database dump complete
--

\unrestrict 6mvq2NNrCNrKBz0p1k2TLERujTo39lB6yiz0jfHHd3P79riSyo7BXFxu9FpOdJf

