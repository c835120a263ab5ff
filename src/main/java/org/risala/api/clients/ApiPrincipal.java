package org.risala.api.clients;

import java.util.Set;

/** The client system behind an authenticated API request. */
public record ApiPrincipal(long clientId, String clientName, long keyId, KeyMode mode, Set<Scope> scopes,
                           String callbackUrl, Integer ratePerSecond, Integer dailyQuota) {

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /** who did it, in the histories of what the request changed */
    public String actor() {
        return "api:" + clientName;
    }

    public boolean isTest() {
        return mode == KeyMode.TEST;
    }
}
