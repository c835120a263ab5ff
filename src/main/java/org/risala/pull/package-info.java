/**
 * Pull services: a citizen texts a keyword and its arguments to a short code and gets the answer from a back office
 * by SMS. Each service is configuration (keyword and aliases in English and Arabic, arguments, a connector — HTTP,
 * JDBC or static — and reply templates), seeded from {@code risala.pull.services} and kept in the database, where an
 * ADMIN can change it at runtime (admin pages in {@code web}, the admin API in the api module). Facade:
 * {@link org.risala.pull.ServiceCatalogue}. Answers the keywords through
 * {@link org.risala.inbound.spi.KeywordService}. Owns the tables {@code pull_service}, {@code pull_service_change}
 * and {@code pull_lookup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pull services",
        allowedDependencies = {"inbound::spi", "records", "storage", "platform", "sms"})
package org.risala.pull;
