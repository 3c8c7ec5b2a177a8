package io.github.migrationtest.assertions;

import io.github.migrationtest.assertions.error.SchemaObjectErrors;
import io.github.migrationtest.assertions.internal.Lookup;
import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.DomainCheck;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on a domain: {@code domain("email").hasBaseType("text").hasCheck("email_has_at")}. Nullability is
 * {@link #isNotNullable()} and {@link #isNullable()}; {@link #isNotNull()} keeps AssertJ's meaning.
 */
public class DomainAssert extends AbstractSchemaObjectAssert<DomainAssert, Domain> {

    /** Creates the assertion; use {@link MigrationAssertions} and navigation instead. */
    public DomainAssert(Domain actual) {
        super(actual, DomainAssert.class);
    }

    @Override
    protected Lookup<Domain> lookupOf(Domain object) {
        return Lookup.found("domain", object.name().toString(), object);
    }

    @Override
    protected Optional<String> commentOf(Domain object) {
        return object.comment();
    }

    /** Checks the base type ({@code varchar(320)} matches {@code character varying(320)}). */
    public DomainAssert hasBaseType(String expected) {
        String type = existing().baseType();
        if (!TypeNames.same(expected, type)) {
            check("base type", expected, type);
        }
        return myself;
    }

    /** Checks that the domain is {@code NOT NULL}: its values reject NULL. */
    public DomainAssert isNotNullable() {
        checkState(existing().notNull(), "not null", "nullable");
        return myself;
    }

    /** Checks that the domain accepts NULL. */
    public DomainAssert isNullable() {
        checkState(!existing().notNull(), "nullable", "not null");
        return myself;
    }

    /** Checks that the domain has a check constraint of this name. */
    public DomainAssert hasCheck(String name) {
        Domain domain = existing();
        if (domain.checks().stream().noneMatch(c -> c.name().equals(name))) {
            String checks = domain.checks().isEmpty() ? "no checks" : domain.checks().stream()
                    .map(c -> c.name() + ": " + c.definition()).collect(Collectors.joining("\n"));
            throw assertionError(SchemaObjectErrors.shouldHave(subject(), "a check named", name, checks));
        }
        return myself;
    }

    /** Checks that one of the domain's checks contains this text, e.g. {@code VALUE ~~ '%@%'}. */
    public DomainAssert hasCheckContaining(String text) {
        Domain domain = existing();
        if (domain.checks().stream().noneMatch(c -> c.definition().contains(text))) {
            checkContains("a check", text, domain.checks().stream().map(DomainCheck::definition)
                    .collect(Collectors.joining("\n")));
        }
        return myself;
    }
}
