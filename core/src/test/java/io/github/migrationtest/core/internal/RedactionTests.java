package io.github.migrationtest.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTests {

    @Test
    void passwordsInAJdbcUrlAreReplaced() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/app?user=ci&password=s3cret&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/app?user=ci&password=***&sslmode=require");
        assertThat(Redaction.url("jdbc:postgresql://db/app?sslpassword=key-pass")).isEqualTo("jdbc:postgresql://db/app?sslpassword=***");
        assertThat(Redaction.url("postgresql://ci:s3cret@db:5432/app")).isEqualTo("postgresql://ci:***@db:5432/app");
        assertThat(Redaction.url("jdbc:postgresql://db:5432/app")).isEqualTo("jdbc:postgresql://db:5432/app");
    }
}
