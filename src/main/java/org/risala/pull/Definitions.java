package org.risala.pull;

import java.util.Map;

import org.risala.inbound.spi.CommandParser;

/** Copies of a definition with one part changed: the records have many components and no withers. */
final class Definitions {

    private Definitions() {
    }

    /** the form the catalogue stores and compares: the keyword canonical, everything else as written */
    static ServiceDefinition canonical(ServiceDefinition d) {
        String keyword = d.keyword() == null ? null : CommandParser.canonicalKeyword(d.keyword());
        return new ServiceDefinition(keyword, d.aliases(), d.shortCodes(), d.help(), d.arguments(), d.connector(),
                d.replies(), d.maxSegments(), d.enabled(), d.alternatives());
    }

    static ServiceDefinition withEnabled(ServiceDefinition d, boolean enabled) {
        return new ServiceDefinition(d.keyword(), d.aliases(), d.shortCodes(), d.help(), d.arguments(), d.connector(),
                d.replies(), d.maxSegments(), enabled, d.alternatives());
    }

    static ServiceDefinition withHeaders(ServiceDefinition d, Map<String, String> headers) {
        ConnectorDefinition c = d.connector();
        ConnectorDefinition connector = new ConnectorDefinition(c.type(), c.method(), c.url(), headers, c.body(),
                c.variables(), c.notFoundStatuses(), c.foundWhen(), c.dataSource(), c.query(), c.values(),
                c.timeout(), c.retry(), c.maxConcurrent());
        return new ServiceDefinition(d.keyword(), d.aliases(), d.shortCodes(), d.help(), d.arguments(), connector,
                d.replies(), d.maxSegments(), d.enabled(), d.alternatives());
    }
}
