package org.risala.pull;

/** How a service reaches its back office. */
public enum ConnectorType {
    /** a JSON web service, called with GET or POST */
    HTTP,
    /** a parameterised SQL query on a named data source */
    JDBC,
    /** a fixed answer, no back office */
    STATIC
}
