package org.risala.pull.connector;

import java.util.Map;

/**
 * Asks one back office about one record. Built from a {@link org.risala.pull.ConnectorDefinition} by
 * {@link Connectors}; thread-safe; called on the pull module's own threads, never on jSMPP's.
 */
public interface Connector {

    /**
     * @param arguments the service's normalised arguments by name
     * @return found (with the variables for the reply template) or not found
     * @throws BackOfficeUnavailable when the back office did not answer in time, failed, or answered nonsense
     */
    LookupResult lookup(Map<String, String> arguments) throws BackOfficeUnavailable;
}
