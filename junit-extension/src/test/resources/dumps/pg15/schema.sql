--
-- PostgreSQL database dump
--

\restrict Xpd5aijghYIt2jDQIUAkLAeMBhMfuH1UZLXgdyBcpKvUhh0L1K7T6tBxN5zg5o1

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
-- Name: billing; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA billing;


ALTER SCHEMA billing OWNER TO postgres;

--
-- Name: invoice_status; Type: TYPE; Schema: billing; Owner: postgres
--

CREATE TYPE billing.invoice_status AS ENUM (
    'draft',
    'sent',
    'paid'
);


ALTER TYPE billing.invoice_status OWNER TO postgres;

--
-- Name: money_cents; Type: DOMAIN; Schema: billing; Owner: postgres
--

CREATE DOMAIN billing.money_cents AS bigint
	CONSTRAINT money_cents_check CHECK ((VALUE >= 0));


ALTER DOMAIN billing.money_cents OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: billing; Owner: postgres
--

CREATE FUNCTION billing.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.note := coalesce(NEW.note, '');
    RETURN NEW;
END
$$;


ALTER FUNCTION billing.touch() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: customers; Type: TABLE; Schema: billing; Owner: app_owner
--

CREATE TABLE billing.customers (
    id bigint NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    settings jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE billing.customers OWNER TO app_owner;

--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: billing; Owner: app_owner
--

ALTER TABLE billing.customers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME billing.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: invoices; Type: TABLE; Schema: billing; Owner: postgres
--

CREATE TABLE billing.invoices (
    id integer NOT NULL,
    customer_id bigint NOT NULL,
    status billing.invoice_status DEFAULT 'draft'::billing.invoice_status NOT NULL,
    amount billing.money_cents NOT NULL,
    tax bigint GENERATED ALWAYS AS (((amount)::bigint / 5)) STORED,
    note text,
    CONSTRAINT invoices_note_length CHECK ((char_length(note) < 500))
);


ALTER TABLE billing.invoices OWNER TO postgres;

--
-- Name: TABLE invoices; Type: COMMENT; Schema: billing; Owner: postgres
--

COMMENT ON TABLE billing.invoices IS 'One row per invoice; amounts in cents';


--
-- Name: invoices_id_seq; Type: SEQUENCE; Schema: billing; Owner: postgres
--

CREATE SEQUENCE billing.invoices_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE billing.invoices_id_seq OWNER TO postgres;

--
-- Name: invoices_id_seq; Type: SEQUENCE OWNED BY; Schema: billing; Owner: postgres
--

ALTER SEQUENCE billing.invoices_id_seq OWNED BY billing.invoices.id;


--
-- Name: open_invoices; Type: VIEW; Schema: billing; Owner: postgres
--

CREATE VIEW billing.open_invoices AS
 SELECT invoices.id,
    invoices.customer_id,
    invoices.amount
   FROM billing.invoices
  WHERE (invoices.status <> 'paid'::billing.invoice_status);


ALTER TABLE billing.open_invoices OWNER TO postgres;

--
-- Name: revenue; Type: MATERIALIZED VIEW; Schema: billing; Owner: postgres
--

CREATE MATERIALIZED VIEW billing.revenue AS
 SELECT invoices.customer_id,
    sum((invoices.amount)::bigint) AS total
   FROM billing.invoices
  GROUP BY invoices.customer_id
  WITH NO DATA;


ALTER TABLE billing.revenue OWNER TO postgres;

--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


ALTER TABLE public.flyway_schema_history OWNER TO postgres;

--
-- Name: invoices id; Type: DEFAULT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices ALTER COLUMN id SET DEFAULT nextval('billing.invoices_id_seq'::regclass);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: billing; Owner: app_owner
--

ALTER TABLE ONLY billing.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: billing; Owner: app_owner
--

ALTER TABLE ONLY billing.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: customers_created; Type: INDEX; Schema: billing; Owner: app_owner
--

CREATE INDEX customers_created ON billing.customers USING btree (created_at);


--
-- Name: invoices_lower_note; Type: INDEX; Schema: billing; Owner: postgres
--

CREATE INDEX invoices_lower_note ON billing.invoices USING btree (lower(note));


--
-- Name: invoices_open; Type: INDEX; Schema: billing; Owner: postgres
--

CREATE INDEX invoices_open ON billing.invoices USING btree (customer_id) WHERE (status <> 'paid'::billing.invoice_status);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: invoices invoices_touch; Type: TRIGGER; Schema: billing; Owner: postgres
--

CREATE TRIGGER invoices_touch BEFORE INSERT ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch();


--
-- Name: invoices invoices_customer_id_fkey; Type: FK CONSTRAINT; Schema: billing; Owner: postgres
--

ALTER TABLE ONLY billing.invoices
    ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES billing.customers(id) ON DELETE CASCADE;


--
-- Name: customers; Type: ROW SECURITY; Schema: billing; Owner: app_owner
--

ALTER TABLE billing.customers ENABLE ROW LEVEL SECURITY;

--
-- Name: customers customers_reader; Type: POLICY; Schema: billing; Owner: app_owner
--

CREATE POLICY customers_reader ON billing.customers FOR SELECT TO app_reader USING (true);


--
-- Name: SCHEMA billing; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA billing TO app_reader;


--
-- Name: TABLE customers; Type: ACL; Schema: billing; Owner: app_owner
--

GRANT SELECT ON TABLE billing.customers TO app_reader;


--
-- Name: TABLE invoices; Type: ACL; Schema: billing; Owner: postgres
--

GRANT SELECT ON TABLE billing.invoices TO app_reader;


--
-- Name: TABLE open_invoices; Type: ACL; Schema: billing; Owner: postgres
--

GRANT SELECT ON TABLE billing.open_invoices TO app_reader;


--
-- Name: TABLE revenue; Type: ACL; Schema: billing; Owner: postgres
--

GRANT SELECT ON TABLE billing.revenue TO app_reader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: billing; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA billing GRANT SELECT ON TABLES  TO app_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict Xpd5aijghYIt2jDQIUAkLAeMBhMfuH1UZLXgdyBcpKvUhh0L1K7T6tBxN5zg5o1

