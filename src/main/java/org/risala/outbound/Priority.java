package org.risala.outbound;

import java.util.Locale;

/**
 * Sending lanes. HIGH (alerts, one-time codes, replies to citizens) is claimed first and may use the capacity each
 * operator link keeps in reserve, so a bulk job can never hold it back.
 */
public enum Priority {
    HIGH, NORMAL, BULK;

    /** the value stored in the database: lower is sent first */
    public int rank() {
        return ordinal();
    }

    public static Priority ofRank(int rank) {
        return values()[rank];
    }

    /** parses the API's lower-case names */
    public static Priority parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("priority must be one of high, normal, bulk");
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
