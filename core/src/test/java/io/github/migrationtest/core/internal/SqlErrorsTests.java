package io.github.migrationtest.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlErrorsTests {

    @Test
    void leadingLineAndBlockCommentsAreNotPartOfTheStatement() {
        assertThat(SqlErrors.withoutLeadingComments("-- header\n  /* more\n header */\n-- last\nCREATE TYPE t AS ENUM ('a')"))
                .isEqualTo("CREATE TYPE t AS ENUM ('a')");
    }

    @Test
    void commentsInsideTheStatementStay() {
        assertThat(SqlErrors.withoutLeadingComments("SELECT 1 -- one\nFROM t"))
                .isEqualTo("SELECT 1 -- one\nFROM t");
    }
}
