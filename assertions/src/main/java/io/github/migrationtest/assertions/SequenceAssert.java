package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Sequence;
import java.util.Optional;

/** Assertions on a sequence: {@code sequence("invoice_number").startsAt(1000).hasIncrement(10)}. */
public class SequenceAssert extends AbstractSchemaObjectAssert<SequenceAssert, Sequence> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public SequenceAssert(Sequence actual) {
        super(actual, SequenceAssert.class);
    }

    @Override
    protected Lookup<Sequence> lookupOf(Sequence object) {
        return Lookup.found("sequence", object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(Sequence object) {
        return object.comment();
    }

    /** Checks the data type, e.g. {@code bigint}. */
    public SequenceAssert hasType(String expected) {
        String type = existing().dataType();
        if (!TypeNames.same(expected, type)) {
            check("type", expected, type);
        }
        return myself;
    }

    /** Checks the start value. */
    public SequenceAssert startsAt(long expected) {
        check("start", Long.toString(expected), Long.toString(existing().start()));
        return myself;
    }

    /** Checks the increment. */
    public SequenceAssert hasIncrement(long expected) {
        check("increment", Long.toString(expected), Long.toString(existing().increment()));
        return myself;
    }

    /** Checks the owning column, {@code table.column} or {@code schema.table.column}. */
    public SequenceAssert isOwnedBy(String column) {
        Optional<String> owner = existing().ownedBy();
        String expected = column.chars().filter(c -> c == '.').count() == 1 ? "public." + column : column;
        if (owner.isEmpty()) {
            throw assertionError(SchemaObjectErrors.shouldHaveButHadNone(subject(), "owner", expected));
        }
        check("owner", expected, owner.get());
        return myself;
    }
}
