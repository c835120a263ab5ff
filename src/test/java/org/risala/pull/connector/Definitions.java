package org.risala.pull.connector;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.risala.pull.ConnectorDefinition;
import org.risala.pull.ConnectorType;

/** Connector definitions for tests: only what a test is about is written. */
final class Definitions {

    private ConnectorType type;
    private String method;
    private String url;
    private Map<String, String> headers;
    private String body;
    private Map<String, String> variables;
    private List<Integer> notFoundStatuses;
    private String foundWhen;
    private String dataSource;
    private String query;
    private Map<String, String> values;
    private Duration timeout;
    private Boolean retry;

    private Definitions(ConnectorType type) {
        this.type = type;
    }

    static Definitions http(String method, String url) {
        Definitions definition = new Definitions(ConnectorType.HTTP);
        definition.method = method;
        definition.url = url;
        return definition;
    }

    static Definitions jdbc(String dataSource, String query) {
        Definitions definition = new Definitions(ConnectorType.JDBC);
        definition.dataSource = dataSource;
        definition.query = query;
        return definition;
    }

    static Definitions fixed(Map<String, String> values) {
        Definitions definition = new Definitions(ConnectorType.STATIC);
        definition.values = values;
        return definition;
    }

    Definitions type(ConnectorType type) {
        this.type = type;
        return this;
    }

    Definitions headers(Map<String, String> headers) {
        this.headers = headers;
        return this;
    }

    Definitions body(String body) {
        this.body = body;
        return this;
    }

    Definitions variables(Map<String, String> variables) {
        this.variables = variables;
        return this;
    }

    Definitions notFoundStatuses(Integer... statuses) {
        this.notFoundStatuses = List.of(statuses);
        return this;
    }

    Definitions foundWhen(String pointer) {
        this.foundWhen = pointer;
        return this;
    }

    Definitions dataSource(String name) {
        this.dataSource = name;
        return this;
    }

    Definitions query(String query) {
        this.query = query;
        return this;
    }

    Definitions timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    Definitions retry(boolean retry) {
        this.retry = retry;
        return this;
    }

    ConnectorDefinition build() {
        return new ConnectorDefinition(type, method, url, headers, body, variables, notFoundStatuses, foundWhen,
                dataSource, query, values, timeout, retry, null);
    }
}
