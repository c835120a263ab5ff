package org.risala.platform;

import java.time.Instant;

/** A member of staff who can sign in, as the admin pages show them (never with the password hash). */
public record StaffUser(long id, String username, Role role, long departmentId, String departmentName,
                        boolean enabled, Instant createdAt) {
}
