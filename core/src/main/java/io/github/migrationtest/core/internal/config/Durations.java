package io.github.migrationtest.core.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT30S}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The duration a setting holds. */
    public static Duration of(Configuration configuration, Setting setting) {
        String value = configuration.get(setting);
        return parse(value).orElseThrow(() -> new InvalidSettingException(setting, value,
                "a positive duration such as 30s, 5m or PT2M"));
    }

    static Optional<Duration> parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        Duration result = null;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms" -> result = Duration.ofMillis(amount);
                case "s" -> result = Duration.ofSeconds(amount);
                case "m" -> result = Duration.ofMinutes(amount);
                default -> result = Duration.ofHours(amount);
            }
        } else {
            try {
                result = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return result.isNegative() || result.isZero() ? Optional.empty() : Optional.of(result);
    }
}
