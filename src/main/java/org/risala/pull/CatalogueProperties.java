package org.risala.pull;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pull services as configured ({@code risala.pull.*}). The data sources of JDBC connectors are bound from the
 * same prefix by a record of their own: each record takes its keys and ignores the others'.
 *
 * @param services        the services seeded into the database at start-up (see {@link ServiceCatalogue})
 * @param refreshInterval how often a node looks for services changed on another node
 */
@ConfigurationProperties("risala.pull")
record CatalogueProperties(List<ServiceDefinition> services, Duration refreshInterval) {

    CatalogueProperties {
        services = services == null ? List.of() : List.copyOf(services);
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("risala.pull.refresh-interval must be longer than zero");
        }
    }
}
