package io.github.migrationtest.assertions.error;

import org.assertj.core.description.Description;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * A failure message whose text is final: nothing in it is formatted again (a {@code %} in a default expression
 * stays a {@code %}). An assertion's {@code as(...)} description is put in front, the AssertJ way.
 */
public final class Message implements ErrorMessageFactory {

    private final String text;

    private Message(String text) {
        this.text = text;
    }

    /** A message with this exact text. */
    public static Message of(String text) {
        return new Message(text);
    }

    /** The text without description. */
    public String text() {
        return text;
    }

    @Override
    public String create(Description description, Representation representation) {
        return DescriptionFormatter.instance().format(description) + text;
    }

    @Override
    public String create(Description description) {
        return create(description, StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Override
    public String create() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
