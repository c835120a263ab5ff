package org.risala.smpp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.risala.simulator.SimulatorSettings;
import org.risala.simulator.SmscSimulator;
import org.risala.smpp.SmppProperties.BindMode;
import org.risala.smpp.SmppProperties.Concatenation;
import org.risala.smpp.SmppProperties.MessageIdFormat;
import org.risala.smpp.SmppProperties.Operator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A simulator on a loopback port, the lease table, and operator links built by hand, as a node would. */
final class OperatorLinksHarness implements AutoCloseable {

    static final String OPERATOR = "omantel";

    final SmscSimulator simulator = new SmscSimulator(new SimulatorSettings().receiptDelay(Duration.ofMillis(20)));
    final DataSource database = TestDatabases.migrated();
    final List<Object> events = new CopyOnWriteArrayList<>();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<SmppOperatorLinks> started = new ArrayList<>();

    OperatorLinksHarness() {
        simulator.start(0);
    }

    Operator operator(int tps, int window, Duration responseTimeout, Concatenation concatenation) {
        return operator(BindMode.TRANSCEIVER, tps, window, responseTimeout, concatenation);
    }

    Operator operator(BindMode mode, int tps, int window, Duration responseTimeout, Concatenation concatenation) {
        return new Operator(OPERATOR, "127.0.0.1", simulator.port(), "risala", "secret", "", mode, 1,
                Duration.ofSeconds(30), Duration.ofMillis(600), Duration.ofSeconds(2), responseTimeout, tps, window,
                List.of("+968"), List.of(), MessageIdFormat.RESP_HEX_RCPT_DEC, concatenation, "ROP", 3, 0);
    }

    Operator operator() {
        return operator(1_000, 20, Duration.ofSeconds(2), Concatenation.UDH_8BIT);
    }

    SmppOperatorLinks start(Operator operator) {
        return start(operator, "node-a:8080", database, Duration.ofSeconds(3));
    }

    SmppOperatorLinks start(Operator operator, String node, DataSource leaseTable, Duration leaseTtl) {
        SmppProperties properties = new SmppProperties(List.of(operator), 0.2, leaseTtl);
        BindLeases leases = new BindLeases(JdbcClient.create(leaseTable), new ClusterNode(node), leaseTtl);
        SmppOperatorLinks links = new SmppOperatorLinks(List.of(operator), properties, leases, events::add, meters,
                Clock.systemUTC());
        links.start();
        started.add(links);
        return links;
    }

    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        started.forEach(SmppOperatorLinks::stop);
        simulator.stop();
    }

    /** a lease table that can be switched off, as when a node loses its database */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean off;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (off) {
                throw new SQLException("database unreachable (switched off by the test)");
            }
            return super.getConnection();
        }
    }
}
