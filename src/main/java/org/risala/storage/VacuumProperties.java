package org.risala.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code risala.storage.vacuum.*}: how Risala keeps its busy tables free of dead rows and their statistics fresh on
 * PostgreSQL. How often it looks is {@code risala.storage.vacuum.interval} (default 5 s), read by the schedule itself.
 *
 * @param enabled off when the database's own autovacuum is tuned to keep up
 * @param minRows a table is vacuumed once it holds this many dead rows, and analyzed once this many rows changed
 *                since its last analyze, each only when they are also more than a tenth of its live rows
 */
@ConfigurationProperties("risala.storage.vacuum")
public record VacuumProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long minRows) {

    public VacuumProperties {
        if (minRows < 1) {
            throw new IllegalArgumentException("risala.storage.vacuum.min-rows must be at least 1, was " + minRows);
        }
    }
}
