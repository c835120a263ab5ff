package org.risala.pull;

/** Where the stored definition of a service comes from, which decides whether configuration may overwrite it. */
public enum ServiceSource {
    /** seeded from {@code risala.pull.services} and kept in step with it at every start */
    CONFIGURATION,
    /** changed by an ADMIN on the admin page or through the admin API; configuration never overwrites it */
    ADMIN
}
