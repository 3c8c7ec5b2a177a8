package io.github.migrationtest.scenarios.internal;

import io.github.migrationtest.assertions.schema.Domain;
import io.github.migrationtest.assertions.schema.EnumType;
import io.github.migrationtest.assertions.schema.QualifiedName;
import io.github.migrationtest.assertions.schema.SchemaSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column's type is, read from the text {@code format_type} gives it ({@code character varying(100)},
 * {@code industry}, {@code billing.amount}, {@code text[]}) and the enums and domains of a snapshot.
 *
 * @param text the type as the snapshot prints it
 * @param base the kind of value it holds
 * @param length the declared length or precision, if any ({@code varchar(100)}, {@code numeric(5,2)})
 * @param scale the declared scale of a numeric, if any
 * @param enumType the enum, when the type (or the array's element type) is one
 * @param domain the domain, when the type is one; {@code base} is then its base type's
 * @param array whether the type is an array of the rest
 */
public record ColumnType(String text, Base base, OptionalInt length, OptionalInt scale, Optional<EnumType> enumType,
        Optional<Domain> domain, boolean array) {

    private static final Pattern MODIFIERS = Pattern.compile("\\((\\d+)(?:,\\s*(\\d+))?\\)");

    /** The kinds of values the filler knows how to make up. */
    public enum Base {
        /** smallint, integer, bigint. */
        INTEGER,
        /** numeric, decimal, real, double precision, money. */
        NUMBER,
        /** text, varchar, char, name, citext. */
        TEXT,
        /** boolean. */
        BOOLEAN,
        /** date. */
        DATE,
        /** timestamp with or without time zone. */
        TIMESTAMP,
        /** time with or without time zone. */
        TIME,
        /** interval. */
        INTERVAL,
        /** uuid. */
        UUID,
        /** json, jsonb. */
        JSON,
        /** bytea. */
        BYTES,
        /** inet, cidr. */
        NETWORK,
        /** macaddr, macaddr8. */
        MAC,
        /** an enum. */
        ENUM,
        /** bit, bit varying. */
        BITS,
        /** xml. */
        XML,
        /** tsvector. */
        TSVECTOR,
        /** anything else: the filler needs a value from the user. */
        OTHER
    }

    /** The type of a column as the snapshot prints it. */
    public static ColumnType of(String text, SchemaSnapshot schema) {
        boolean array = text.endsWith("[]");
        String element = array ? text.substring(0, text.length() - 2) : text;
        Optional<EnumType> enumType = find(element, schema.enums().stream().map(e -> e.name()).toList())
                .flatMap(name -> schema.enums().stream().filter(e -> e.name().equals(name)).findFirst());
        if (enumType.isPresent()) {
            return new ColumnType(text, Base.ENUM, OptionalInt.empty(), OptionalInt.empty(), enumType, Optional.empty(),
                    array);
        }
        Optional<Domain> domain = array ? Optional.empty()
                : find(element, schema.domains().stream().map(d -> d.name()).toList())
                        .flatMap(name -> schema.domains().stream().filter(d -> d.name().equals(name)).findFirst());
        if (domain.isPresent()) {
            ColumnType base = of(domain.get().baseType(), schema);
            return new ColumnType(text, base.base(), base.length(), base.scale(), base.enumType(), domain, base.array());
        }
        Matcher modifiers = MODIFIERS.matcher(element);
        OptionalInt length = OptionalInt.empty();
        OptionalInt scale = OptionalInt.empty();
        if (modifiers.find()) {
            length = OptionalInt.of(Integer.parseInt(modifiers.group(1)));
            scale = modifiers.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(modifiers.group(2)));
        }
        return new ColumnType(text, base(element.replaceAll("\\(.*?\\)", "").strip()), length, scale, Optional.empty(),
                Optional.empty(), array);
    }

    private static Base base(String name) {
        return switch (name) {
            case "smallint", "integer", "bigint" -> Base.INTEGER;
            case "numeric", "real", "double precision", "money" -> Base.NUMBER;
            case "text", "character varying", "character", "\"char\"", "name", "citext" -> Base.TEXT;
            case "boolean" -> Base.BOOLEAN;
            case "date" -> Base.DATE;
            case "timestamp without time zone", "timestamp with time zone" -> Base.TIMESTAMP;
            case "time without time zone", "time with time zone" -> Base.TIME;
            case "interval" -> Base.INTERVAL;
            case "uuid" -> Base.UUID;
            case "json", "jsonb" -> Base.JSON;
            case "bytea" -> Base.BYTES;
            case "inet", "cidr" -> Base.NETWORK;
            case "macaddr", "macaddr8" -> Base.MAC;
            case "bit", "bit varying" -> Base.BITS;
            case "xml" -> Base.XML;
            case "tsvector" -> Base.TSVECTOR;
            default -> Base.OTHER;
        };
    }

    /**
     * The object a type name denotes: format_type qualifies a name only where the search path would not find
     * it, and quotes it where it needs quotes.
     */
    private static Optional<QualifiedName> find(String typeText,
            List<QualifiedName> names) {
        String unquoted = typeText.replace("\"", "");
        return names.stream().filter(n -> unquoted.equals(n.schema() + "." + n.name())).findFirst()
                .or(() -> names.stream().filter(n -> unquoted.equals(n.name()))
                        .sorted((a, b) -> Boolean.compare(!a.schema().equals("public"), !b.schema().equals("public")))
                        .findFirst());
    }
}
