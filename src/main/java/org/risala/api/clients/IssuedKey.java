package org.risala.api.clients;

/** A new key together with its secret value, which is shown this once and never stored. */
public record IssuedKey(ApiKeyInfo info, String key) {
}
