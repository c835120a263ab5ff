package org.risala.pull;

import java.time.Instant;

/**
 * One entry in the history of a service.
 *
 * @param before    the definition before the change; null when it created the service
 * @param after     the definition after the change; null when it deleted the service
 * @param changedBy a staff username, {@code api:<client name>}, or {@code configuration}
 */
public record ServiceChange(long id, String keyword, ChangeAction action, ServiceDefinition before,
                            ServiceDefinition after, String changedBy, Instant changedAt) {
}
