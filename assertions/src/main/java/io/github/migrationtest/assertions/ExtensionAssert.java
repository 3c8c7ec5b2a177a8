package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Extension;
import java.util.Optional;

/** Assertions on an installed extension: {@code extension("btree_gist").hasVersion("1.7")}. */
public class ExtensionAssert extends AbstractSchemaObjectAssert<ExtensionAssert, Extension> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public ExtensionAssert(Extension actual) {
        super(actual, ExtensionAssert.class);
    }

    @Override
    protected Lookup<Extension> lookupOf(Extension object) {
        return Lookup.found("extension", object.name(), object);
    }

    @Override
    protected Optional<String> commentOf(Extension object) {
        return object.comment();
    }

    /** Checks the installed version. */
    public ExtensionAssert hasVersion(String expected) {
        check("version", expected, existing().version());
        return myself;
    }

    /** Checks the schema the extension's objects live in. */
    public ExtensionAssert isInSchema(String expected) {
        check("schema", expected, existing().schema());
        return myself;
    }
}
