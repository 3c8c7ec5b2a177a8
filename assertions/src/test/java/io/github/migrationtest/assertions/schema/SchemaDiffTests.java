package io.github.migrationtest.assertions.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.migrationtest.core.internal.database.DisposableDatabase;
import io.github.migrationtest.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

class SchemaDiffTests {

    private static final String BEFORE = "create table users (id bigint primary key, email text, password text);"
            + "create index users_email_idx on users (email);"
            + "create type industry as enum ('tech', 'retail');"
            + "create view active_users as select id from users;"
            + "create function greet(name text) returns text language sql as $$select 'hello ' || name$$;";

    private static final String AFTER = "create table users (id bigint primary key, email text not null,"
            + " password varchar(100), nickname text default 'anon');"
            + "create type industry as enum ('tech', 'media', 'retail');"
            + "create view active_users as select id, email from users;"
            + "create table audit_log (id bigint);"
            + "create function greet(name text) returns text language sql as $$select 'hi ' || name$$;";

    @Test
    void describesTheDifferencesOfTwoRealSchemasLikeAReviewComment() {
        SchemaSnapshot before = snapshotOf(BEFORE);
        SchemaSnapshot after = snapshotOf(AFTER);

        SchemaDiff diff = SchemaDiff.between(before, after);

        assertThat(diff.describe()).isEqualTo(String.join("\n",
                "enum public.industry: labels changed from 'tech', 'retail' to 'tech', 'media', 'retail'",
                "table public.audit_log: added",
                "column public.users.email: now not null",
                "column public.users.password: type changed from text to character varying(100)",
                "column public.users.nickname: added (text)",
                "index public.users_email_idx: removed",
                "view public.active_users: definition changed:",
                "  -  SELECT id",
                "  +  SELECT id,",
                "  +     email",
                "       FROM users;",
                "function public.greet(text): definition changed:",
                "    ...",
                "     RETURNS text",
                "     LANGUAGE sql",
                "  - AS $function$select 'hello ' || name$function$",
                "  + AS $function$select 'hi ' || name$function$"));
        assertThat(diff.changes()).hasSize(8);
        assertThat(diff.changes().get(3)).isEqualTo(new SchemaChange(SchemaChange.Type.CHANGED,
                "column public.users.password", java.util.Optional.of("type"), java.util.Optional.of("text"),
                java.util.Optional.of("character varying(100)")));
    }

    @Test
    void findsNoDifferenceBetweenTwoDatabasesBuiltAlike() {
        SchemaDiff diff = SchemaDiff.between(snapshotOf(AFTER), snapshotOf(AFTER));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.describe()).isEqualTo("no differences");
    }

    @Test
    void reportsAttributesSetAndRemovedAndColumnsThatMoved() {
        SchemaSnapshot before = snapshotOf("create table t (a int, b int default 1, c int);"
                + "comment on table t is 'old';");
        SchemaSnapshot after = snapshotOf("create table t (a int default 0, c int, b int);");

        assertThat(SchemaDiff.between(before, after).describe()).isEqualTo(String.join("\n",
                "table public.t: comment removed (was old)",
                "table public.t: column order changed from a, b, c to a, c, b",
                "column public.t.a: default set to 0",
                "column public.t.b: default removed (was 1)"));
    }

    private static SchemaSnapshot snapshotOf(String sql) {
        try (DisposableDatabase database = TestDatabases.empty()) {
            TestDatabases.execute(database, sql);
            return SchemaSnapshot.of(database.dataSource());
        }
    }
}
