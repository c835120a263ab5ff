/**
 * The REST integration API for other government systems (eVisa, ePolice, eCustoms, call centres): v1 endpoints
 * with problem+json errors, API clients and their hashed keys (live and test), per-client rate limits and daily
 * quotas, the signing secrets of status callbacks, the admin API of the pull services, and the back offices'
 * events for the subscriptions. Owns the tables {@code api_client} and {@code api_key}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration API",
        allowedDependencies = {"outbound", "sms", "pull", "subscriptions", "storage"})
package org.risala.api;
