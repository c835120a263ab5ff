package org.risala.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the same on H2 and PostgreSQL. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /**
     * The instant as a UTC timestamp parameter, or null. Built from the epoch seconds: {@code OffsetDateTime.ofInstant}
     * makes new zone rules for the offset each time, and the sending path binds several times per message.
     */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(),
                instant.getNano(), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** the column's instant, or null */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
