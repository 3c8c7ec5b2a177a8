package io.github.migrationtest.scenarios.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values to try for a column the user gave none: first a fresh one (distinct from the rows before it, for
 * unique constraints), then the constants its checks mention (so {@code CHECK (status IN ('open', 'closed'))}
 * gets {@code open}), then a few common shapes of the type. The database decides which one fits.
 */
final class ValueCandidates {

    private static final Pattern STRING = Pattern.compile("'((?:[^']|'')*)'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.'])(-?\\d+(?:\\.\\d+)?)(?![\\w.'])");
    private static final int LONGEST_MADE_UP_TEXT = 64;

    private ValueCandidates() {
    }

    /**
     * The values to try, in order, without repeats.
     *
     * @param type the column's type
     * @param checks the definitions of the checks that constrain the column (its table's and its domain's)
     * @param fresh values of the type no earlier row has, most likely first
     */
    static List<String> of(ColumnType type, List<String> checks, List<String> fresh) {
        Set<String> values = new LinkedHashSet<>();
        if (type.array()) {
            values.add("{}");
            for (String element : elementValues(type, checks, fresh)) {
                values.add("{\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            }
            return List.copyOf(values);
        }
        values.addAll(elementValues(type, checks, fresh));
        return List.copyOf(values);
    }

    private static List<String> elementValues(ColumnType type, List<String> checks, List<String> fresh) {
        List<String> values = new ArrayList<>();
        if (type.base() == ColumnType.Base.ENUM) {
            values.addAll(type.enumType().orElseThrow().labels());
            return values;
        }
        if (!fresh.isEmpty()) {
            values.add(fresh.get(0));
        }
        List<String> strings = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (String check : checks) {
            Matcher s = STRING.matcher(check);
            while (s.find()) {
                strings.add(s.group(1).replace("''", "'"));
            }
            Matcher n = NUMBER.matcher(STRING.matcher(check).replaceAll("''"));
            while (n.find()) {
                numbers.add(n.group(1));
            }
        }
        switch (type.base()) {
            case INTEGER, NUMBER -> {
                for (String number : numbers) {
                    BigDecimal value = new BigDecimal(number);
                    values.add(value.toPlainString());
                    values.add(value.add(BigDecimal.ONE).toPlainString());
                    values.add(value.subtract(BigDecimal.ONE).toPlainString());
                }
                values.addAll(List.of("1", "0", "-1", "100"));
                strings.stream().filter(ValueCandidates::isNumber).forEach(values::add);
            }
            case TEXT -> {
                values.addAll(strings);
                // A check on length(code) = 3 shows only the 3: try texts of the lengths it mentions.
                for (String number : numbers) {
                    int length = new BigDecimal(number).intValue();
                    if (length > 0 && length <= LONGEST_MADE_UP_TEXT) {
                        values.add("x".repeat(length));
                    }
                }
                values.addAll(List.of("seed@example.com", "a", "A", "1", ""));
            }
            case BOOLEAN -> values.addAll(List.of("false", "true"));
            case DATE, TIMESTAMP -> {
                values.addAll(strings);
                values.addAll(List.of(LocalDate.now().toString(), "2000-01-01"));
            }
            case TIME -> values.addAll(List.of("12:00", "00:00"));
            case INTERVAL -> values.addAll(List.of("1 day", "0", "1 second"));
            case JSON -> values.addAll(List.of("{}", "[]", "0", "\"\"", "null"));
            default -> values.addAll(strings);
        }
        values.addAll(fresh.subList(Math.min(1, fresh.size()), fresh.size()));
        return values;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
