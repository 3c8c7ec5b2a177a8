package io.github.migrationtest.assertions.error;

import java.util.Optional;

/** Messages about one schema object: whether it exists and what its attributes are. */
public final class SchemaObjectErrors {

    private SchemaObjectErrors() {
    }

    /**
     * {@code Expecting table public.users to exist, but it does not.} followed by what does exist.
     *
     * @param subject the object, e.g. {@code table public.users}
     * @param context what exists instead, e.g. {@code Tables in schema public: orders.}; may be empty
     */
    public static Message shouldExist(String subject, String context) {
        return Message.of("Expecting " + subject + " to exist, but it does not." + (context.isEmpty() ? "" : "\n" + context));
    }

    /** {@code Expecting table public.users not to exist, but it does.} */
    public static Message shouldNotExist(String subject) {
        return Message.of("Expecting " + subject + " not to exist, but it does.");
    }

    /** A name that matches several objects; the text says which and how to qualify it. */
    public static Message ambiguousName(String explanation) {
        return Message.of(explanation);
    }

    /**
     * <pre>
     * Expecting column public.users.password to have type:
     *   text
     * but had:
     *   character varying(100)
     * </pre>
     */
    public static Message shouldHave(String subject, String attribute, String expected, String actual) {
        return Message.of("Expecting " + subject + " to have " + attribute + ":\n" + indent(expected) + "\nbut had:\n"
                + indent(actual));
    }

    /** Like {@link #shouldHave}, when the object has no such attribute at all: {@code but had none}. */
    public static Message shouldHaveButHadNone(String subject, String attribute, String expected) {
        return Message.of("Expecting " + subject + " to have " + attribute + ":\n" + indent(expected)
                + "\nbut had none.");
    }

    /** {@code Expecting column public.users.status to have no default, but had:} and the value. */
    public static Message shouldHaveNo(String subject, String attribute, String actual) {
        return Message.of("Expecting " + subject + " to have no " + attribute + ", but had:\n" + indent(actual));
    }

    /** {@code Expecting view public.v to have a definition containing:} the part, then the whole value. */
    public static Message shouldContain(String subject, String attribute, String part, String actual) {
        return Message.of("Expecting " + subject + " to have " + attribute + " containing:\n" + indent(part)
                + "\nbut had:\n" + indent(actual));
    }

    /**
     * {@code Expecting column public.users.password to be not null, but it is nullable.}, with a line on the
     * likely cause and fix when there is one.
     */
    public static Message shouldBe(String subject, String expectedState, String actualState, Optional<String> hint) {
        return Message.of("Expecting " + subject + " to be " + expectedState + ", but it is " + actualState + "."
                + hint.map(h -> "\n" + h).orElse(""));
    }

    /** The hint for an invalid index: how it got there and how to repair it. */
    public static String invalidIndexHint(String qualifiedIndexName) {
        return "A failed CREATE INDEX CONCURRENTLY (or REINDEX CONCURRENTLY) leaves an invalid index behind: it is"
                + " maintained on every write but never used by queries, and a rerun of the migration fails because"
                + " the name is taken. Drop it with DROP INDEX CONCURRENTLY " + qualifiedIndexName
                + "; and create it again (make the migration use CREATE INDEX CONCURRENTLY IF NOT EXISTS only after"
                + " dropping an invalid one).";
    }

    static String indent(String text) {
        return text.indent(2).stripTrailing();
    }
}
