package org.risala.api.clients;

import java.time.Instant;

/** A client system allowed to use the API. */
public record ClientAccount(long id, String name, String callbackUrl, Integer ratePerSecond, Integer dailyQuota,
                            Instant createdAt) {
}
