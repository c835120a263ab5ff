package org.risala.api.clients;

import java.time.Instant;
import java.util.Set;

/** An API key as shown after it was created: its prefix only, never the key itself. */
public record ApiKeyInfo(long id, long clientId, String clientName, String prefix, KeyMode mode, Set<Scope> scopes,
                         String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
