package org.risala.outbound;

import java.util.Optional;

/**
 * Supplies the secret that signs a client's status callbacks. Implemented by the module that owns the clients
 * (api), so outbound does not need to know how clients are stored.
 */
public interface CallbackSigner {

    /** the client's HMAC-SHA256 key, if it has one */
    Optional<byte[]> secretOf(long clientId);
}
