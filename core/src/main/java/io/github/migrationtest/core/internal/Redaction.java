package io.github.migrationtest.core.internal;

import java.util.regex.Pattern;

/** Removes secrets from text that goes into messages: passwords inside JDBC URLs. */
public final class Redaction {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?]*:)[^/@?]*@");

    private Redaction() {
    }

    /** The URL with every password in it replaced by {@code ***}. */
    public static String url(String url) {
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1***@");
    }
}
