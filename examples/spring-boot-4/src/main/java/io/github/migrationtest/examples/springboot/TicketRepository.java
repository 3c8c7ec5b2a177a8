package io.github.migrationtest.examples.springboot;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tickets, through Spring Data JPA. */
public interface TicketRepository extends JpaRepository<Ticket, Long> {

    List<Ticket> findByStatus(Status status);
}
