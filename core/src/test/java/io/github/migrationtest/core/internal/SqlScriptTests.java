package io.github.migrationtest.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.SqlScript.Copy;
import io.github.migrationtest.core.internal.SqlScript.MetaCommand;
import io.github.migrationtest.core.internal.SqlScript.Statement;
import org.junit.jupiter.api.Test;

class SqlScriptTests {

    @Test
    void splitsAtSemicolonsAndDropsCommentOnlyParts() {
        assertThat(SqlScript.statements("drop table a;\n-- only a comment\n;drop table b;\n/* and another */"))
                .containsExactly("drop table a", "drop table b");
    }

    @Test
    void keepsSemicolonsInStringsIdentifiersAndComments() {
        assertThat(SqlScript.statements("insert into t values ('a;b', 'it''s;');"
                + " select 1 as \"odd;name\"; -- a; comment\nselect /* x; /* nested; */ y */ 2;"))
                .containsExactly("insert into t values ('a;b', 'it''s;')",
                        "select 1 as \"odd;name\"",
                        "-- a; comment\nselect /* x; /* nested; */ y */ 2");
    }

    @Test
    void keepsSemicolonsInEscapeStrings() {
        assertThat(SqlScript.statements("select E'a\\';b'; select 2"))
                .containsExactly("select E'a\\';b'", "select 2");
    }

    @Test
    void keepsSemicolonsInDollarQuotedBodies() {
        String function = "create function f() returns int language plpgsql as $body$\nbegin\n  return 1;\nend;\n$body$";
        assertThat(SqlScript.statements(function + ";\ndo $$ begin perform 1; end $$;"))
                .containsExactly(function, "do $$ begin perform 1; end $$");
    }

    @Test
    void dollarSignsInNamesAndParametersAreNoQuotes() {
        assertThat(SqlScript.statements("select a$b from t$1; prepare p as select $1; select 3"))
                .containsExactly("select a$b from t$1", "prepare p as select $1", "select 3");
    }

    @Test
    void keepsSemicolonsInSqlStandardFunctionBodies() {
        String function = "create function g(x int) returns int language sql begin atomic\n"
                + "  select case when x > 0 then 1 else 0 end;\n  select 2;\nend";
        assertThat(SqlScript.statements(function + ";\nselect g(1);"))
                .containsExactly(function, "select g(1)");
    }

    @Test
    void splitsAtTheSemicolonsThatEndStatementsWithTrailingBlanks() {
        assertThat(SqlScript.statements("CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);  \n"))
                .containsExactly("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void keepsSemicolonsInQuotedIdentifiersAndNestedComments() {
        String sql = """
                -- a comment; with a semicolon
                INSERT INTO "odd;name" VALUES ('a;b', E'it\\'s; fine', 'it''s; fine'); /* one; /* nested; */ two; */
                SELECT 1
                """;

        assertThat(SqlScript.statements(sql)).containsExactly(
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

        assertThat(SqlScript.statements(sql)).hasSize(3);
        assertThat(SqlScript.statements(sql).get(0)).endsWith("END\n$body$");
        assertThat(SqlScript.statements(sql).get(1)).isEqualTo("DO $$ BEGIN PERFORM 2; END $$");
        assertThat(SqlScript.statements(sql).get(2)).isEqualTo("SELECT $1, a$b$c FROM t");
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

        assertThat(SqlScript.statements(sql)).hasSize(2);
        assertThat(SqlScript.statements(sql).get(1)).isEqualTo("CREATE TABLE b (id int)");
    }

    @Test
    void leavesOutStatementsThatAreOnlyCommentsOrBlanks() {
        assertThat(SqlScript.statements("SELECT 1;;\n-- trailing comment\n;  ")).containsExactly("SELECT 1");
    }

    @Test
    void readsMetaCommandsOnTheirOwnLinesAsPsqlDoes() {
        String dump = "\\restrict aBc123\nSET lock_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"
                + "\\unrestrict aBc123\n";

        assertThat(SqlScript.psqlCommands(dump)).containsExactly(
                new MetaCommand("restrict", "aBc123", 1),
                new Statement("SET lock_timeout = 0", 2),
                new Statement("SELECT pg_catalog.set_config('search_path', '', false)", 3),
                new MetaCommand("unrestrict", "aBc123", 4));
    }

    @Test
    void takesTheLinesAfterCopyFromStdinAsItsDataUpToBackslashDot() {
        String dump = "--\n-- Data for Name: t\n--\n\nCOPY public.t (id, note) FROM stdin;\n"
                + "1\tsemi; colon\n2\t\\N\n3\t'quote\n\\.\n\nSELECT 1;\n";

        assertThat(SqlScript.psqlCommands(dump)).containsExactly(
                new Copy("--\n-- Data for Name: t\n--\n\nCOPY public.t (id, note) FROM stdin",
                        "1\tsemi; colon\n2\t\\N\n3\t'quote\n", 5),
                new Statement("SELECT 1", 11));
    }

    @Test
    void backslashesInQuotesAreNoMetaCommandsAndPlainSplittingIgnoresThem() {
        String sql = "select '\\x' as a;\ncomment on table t is E'a\\'b';";

        assertThat(SqlScript.psqlCommands(sql)).containsExactly(new Statement("select '\\x' as a", 1),
                new Statement("comment on table t is E'a\\'b'", 2));
        assertThat(SqlScript.statements("copy t from stdin; select 2")).containsExactly("copy t from stdin", "select 2");
    }
}
