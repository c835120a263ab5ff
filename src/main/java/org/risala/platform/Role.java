package org.risala.platform;

/** What a member of staff may do. Each role includes the ones below it (see {@link SecurityConfiguration}). */
public enum Role {
    ADMIN("Administrator: users, API clients and keys, everything else"),
    SUPERVISOR("Supervisor: a department's work and its staff's messages"),
    USER("Staff member");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    String authority() {
        return "ROLE_" + name();
    }
}
