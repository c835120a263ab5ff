package org.risala.pull;

import java.util.List;

/**
 * The hook where the checks of the connectors plug in: what only building a connector can tell (an unknown data
 * source, a URL that does not parse). Asked about the connector of every service before it is saved, and of every
 * configured service at start-up, once the checks the definition itself allows have passed. Without a bean of this
 * type those checks are the only ones.
 */
@FunctionalInterface
public interface ConnectorValidation {

    /**
     * @return the problems, each {@code field: reason} with the field named from the service definition
     *         ({@code connector.url}, {@code connector.dataSource}); empty when the connector can be built
     */
    List<String> problems(ConnectorDefinition connector);
}
