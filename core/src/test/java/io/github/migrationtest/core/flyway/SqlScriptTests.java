package io.github.migrationtest.core.flyway;

import static org.assertj.core.api.Assertions.assertThat;

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
}
