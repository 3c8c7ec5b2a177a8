/**
 * The Java migration of the event-types incident's original chain (Flyway finds it by its package).
 */
package incidents.eventtypes.original;
