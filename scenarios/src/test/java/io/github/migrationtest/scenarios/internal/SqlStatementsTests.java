package io.github.migrationtest.scenarios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementsTests {

    @Test
    void splitsAtTheSemicolonsThatEndStatements() {
        assertThat(SqlStatements.split("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);  \n"))
                .containsExactly("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void keepsSemicolonsInStringsIdentifiersAndComments() {
        String sql = """
                -- a comment; with a semicolon
                INSERT INTO "odd;name" VALUES ('a;b', E'it\\'s; fine', 'it''s; fine'); /* one; /* nested; */ two; */
                SELECT 1
                """;

        assertThat(SqlStatements.split(sql)).containsExactly(
                "-- a comment; with a semicolon\nINSERT INTO \"odd;name\" VALUES ('a;b', E'it\\'s; fine', 'it''s; fine')",
                "/* one; /* nested; */ two; */\nSELECT 1");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String sql = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    PERFORM 1; RAISE NOTICE $$it's; done$$;
                    RETURN NEW;
                END
                $body$;
                DO $$ BEGIN PERFORM 2; END $$;
                SELECT $1, a$b$c FROM t
                """;

        assertThat(SqlStatements.split(sql)).hasSize(3);
        assertThat(SqlStatements.split(sql).get(0)).endsWith("END\n$body$");
        assertThat(SqlStatements.split(sql).get(1)).isEqualTo("DO $$ BEGIN PERFORM 2; END $$");
        assertThat(SqlStatements.split(sql).get(2)).isEqualTo("SELECT $1, a$b$c FROM t");
    }

    @Test
    void keepsSqlStandardFunctionBodiesWhole() {
        String sql = """
                CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN x > 0 THEN 'positive' ELSE 'other' END;
                    SELECT 'never';
                END;
                CREATE TABLE b (id int);
                """;

        assertThat(SqlStatements.split(sql)).hasSize(2);
        assertThat(SqlStatements.split(sql).get(1)).isEqualTo("CREATE TABLE b (id int)");
    }

    @Test
    void leavesOutStatementsThatAreOnlyCommentsOrBlanks() {
        assertThat(SqlStatements.split("SELECT 1;;\n-- trailing comment\n;  ")).containsExactly("SELECT 1");
    }
}
