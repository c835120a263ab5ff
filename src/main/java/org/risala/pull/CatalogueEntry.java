package org.risala.pull;

import java.time.Instant;

/**
 * A service as the catalogue holds it: its definition (headers unmasked: mask them with {@link SecretHeaders}
 * before showing it), where it comes from, and the version an edit must name to replace it.
 */
public record CatalogueEntry(ServiceDefinition definition, ServiceSource source, long version, Instant updatedAt,
                             String updatedBy) {

    /** the canonical keyword, the service's identity */
    public String keyword() {
        return definition.keyword();
    }

    public boolean enabled() {
        return definition.enabled();
    }
}
