package io.github.migrationtest.core.server;

import io.github.migrationtest.core.internal.config.InvalidSettingException;
import io.github.migrationtest.core.internal.config.Setting;
import java.util.Locale;

/** Where a PostgreSQL server comes from. */
public enum ServerProvider {

    /** Docker if a Docker API answers, else embedded binaries, else an error that explains all three. */
    AUTO,
    /** A Testcontainers container of image {@code postgres:<major>}. */
    DOCKER,
    /** PostgreSQL binaries run as a child process: the io.zonky.test.postgres jars or a local install. */
    EMBEDDED,
    /** A server the user runs, given by JDBC URL; only databases the framework creates are touched. */
    EXTERNAL;

    /** The provider named by a setting value ({@code auto}, {@code docker}, {@code embedded}, {@code external}). */
    public static ServerProvider parse(String value) {
        for (ServerProvider provider : values()) {
            if (provider.name().equalsIgnoreCase(value.trim())) {
                return provider;
            }
        }
        throw new InvalidSettingException(Setting.PROVIDER, value, "one of auto, docker, embedded, external");
    }

    /** The name as written in settings. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
