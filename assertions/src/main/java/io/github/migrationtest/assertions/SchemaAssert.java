package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Schema;
import java.util.Optional;

/** Assertions on a schema (namespace) of a snapshot: {@code assertThat(snapshot).schema("auth").exists()}. */
public class SchemaAssert extends AbstractSchemaObjectAssert<SchemaAssert, Schema> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public SchemaAssert(Schema actual) {
        super(actual, SchemaAssert.class);
    }

    @Override
    protected Lookup<Schema> lookupOf(Schema object) {
        return Lookup.found("schema", object.name(), object);
    }

    @Override
    protected Optional<String> commentOf(Schema object) {
        return object.comment();
    }
}
