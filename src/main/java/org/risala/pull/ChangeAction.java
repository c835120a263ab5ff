package org.risala.pull;

/** What a change in the history of a service did. */
public enum ChangeAction {
    CREATED,
    UPDATED,
    ENABLED,
    DISABLED,
    DELETED,
    /** inserted from the configuration at start-up */
    SEEDED
}
