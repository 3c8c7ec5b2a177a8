package io.github.migrationtest.assertions.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.migrationtest.assertions.internal.CanonicalText;
import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CanonicalTextTests {

    private static DisposableDatabase first;
    private static DisposableDatabase second;

    @BeforeAll
    static void createTwoDatabasesFromTheSameScript() {
        first = TestDatabases.empty();
        second = TestDatabases.empty();
        TestDatabases.runScript(first, "fixture/every-kind.sql");
        TestDatabases.runScript(second, "fixture/every-kind.sql");
    }

    @AfterAll
    static void drop() {
        first.close();
        second.close();
    }

    @Test
    void isTheSameForTwoDatabasesWithTheSameSchema() {
        assertThat(SchemaSnapshot.of(first.dataSource()).canonicalText())
                .isEqualTo(SchemaSnapshot.of(second.dataSource()).canonicalText());
    }

    @Test
    void parsesBackToTheSameTextAndCompares() {
        String text = SchemaSnapshot.of(first.dataSource()).canonicalText();

        assertThat(CanonicalText.render(CanonicalText.parse(text))).isEqualTo(text);
        assertThat(SchemaDiff.between(text, SchemaSnapshot.of(second.dataSource()).canonicalText()).isEmpty()).isTrue();
    }

    @Test
    void differsAsSoonAsTheSchemaDoesAndTheComparisonOfTextsSaysHow() {
        String text = SchemaSnapshot.of(first.dataSource()).canonicalText();
        try (DisposableDatabase changed = TestDatabases.empty()) {
            TestDatabases.runScript(changed, "fixture/every-kind.sql");
            TestDatabases.execute(changed, "alter table orders alter column status drop default;"
                    + " create or replace function touch() returns trigger language plpgsql"
                    + " as 'begin new.created_at := clock_timestamp(); return new; end'");

            String changedText = SchemaSnapshot.of(changed.dataSource()).canonicalText();

            assertThat(changedText).isNotEqualTo(text);
            assertThat(SchemaDiff.between(text, changedText).describe()).isEqualTo(String.join("\n",
                    "column public.orders.status: default removed (was 'new'::text)",
                    "function public.touch(): definition changed:",
                    "    ...",
                    "     RETURNS trigger",
                    "     LANGUAGE plpgsql",
                    "  - AS $function$begin new.created_at := now(); return new; end$function$",
                    "  + AS $function$begin new.created_at := clock_timestamp(); return new; end$function$"));
        }
    }

    @Test
    void printsObjectsSortedWithAttributesIndentedAndBlocksForMultiLineValues() {
        try (DisposableDatabase database = TestDatabases.empty()) {
            TestDatabases.execute(database, "create table b (id int primary key, note text not null default '');"
                    + "create view a as select id from b; comment on column b.note is 'free text'");

            assertThat(SchemaSnapshot.of(database.dataSource()).canonicalText()).isEqualTo(String.join("\n",
                    CanonicalText.HEADER,
                    "",
                    "schema public",
                    "  comment: standard public schema",
                    "",
                    "table public.b",
                    "  column id",
                    "    type: integer",
                    "    not null",
                    "  column note",
                    "    type: text",
                    "    not null",
                    "    default: ''::text",
                    "    comment: free text",
                    "  constraint b_pkey",
                    "    definition: PRIMARY KEY (id)",
                    "  index b_pkey",
                    "    definition: CREATE UNIQUE INDEX b_pkey ON public.b USING btree (id)",
                    "",
                    "view public.a",
                    "  definition:",
                    "     SELECT id",
                    "       FROM b;",
                    ""));
        }
    }

    @Test
    void rejectsTextThatIsNotCanonicalWithTheLineNumber() {
        assertThatThrownBy(() -> CanonicalText.parse("-- header\n\nbanana public.x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 3 is not canonical schema text: banana public.x");
    }
}
