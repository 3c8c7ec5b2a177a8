package io.github.migrationtest.spring.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application under test: a tickets table behind a JdbcTemplate; counts the contexts it starts in. */
@SpringBootApplication
public class TicketsApplication {

    /** How many application contexts have been started in this JVM. */
    public static final AtomicInteger CONTEXTS = new AtomicInteger();

    /** The tickets of the application, on the context's DataSource. */
    @Bean
    Tickets tickets(JdbcTemplate jdbc) {
        CONTEXTS.incrementAndGet();
        return new Tickets(jdbc);
    }

    /** The application's data access. */
    public record Tickets(JdbcTemplate jdbc) {

        public void open(String title) {
            jdbc.update("insert into tickets (title) values (?)", title);
        }

        public int count() {
            return jdbc.queryForObject("select count(*) from tickets", Integer.class);
        }

        public String priorityOf(String title) {
            return jdbc.queryForObject("select priority from tickets where title = ?", String.class, title);
        }
    }
}
