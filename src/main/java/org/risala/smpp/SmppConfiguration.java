package org.risala.smpp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.risala.simulator.SimulatorEndpoint;
import org.risala.smpp.SmppProperties.Operator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmppProperties.class)
class SmppConfiguration {

    @Bean
    ClusterNode clusterNode(Environment environment) {
        String configured = environment.getProperty("risala.node-id");
        if (configured != null && !configured.isBlank()) {
            return new ClusterNode(configured.strip());
        }
        return new ClusterNode(hostname(environment) + ":" + environment.getProperty("server.port", "8080"));
    }

    @Bean
    BindLeases bindLeases(DataSource dataSource, ClusterNode node, SmppProperties properties) {
        return new BindLeases(JdbcClient.create(dataSource), node, properties.leaseTtl());
    }

    @Bean
    SmppOperatorLinks operatorLinks(SmppProperties properties, ObjectProvider<SimulatorEndpoint> simulator,
                                    BindLeases leases, ApplicationEventPublisher events,
                                    ObjectProvider<MeterRegistry> meters) {
        List<Operator> operators = new ArrayList<>(properties.operators());
        SimulatorEndpoint endpoint = simulator.getIfAvailable();
        if (endpoint != null) {
            operators.add(properties.simulatorLink().toOperator(endpoint.host(), endpoint.port()));
        }
        return new SmppOperatorLinks(operators, properties, leases, events,
                meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    OperatorsHealthIndicator operatorsHealthIndicator(SmppOperatorLinks links, BindLeases leases) {
        return new OperatorsHealthIndicator(links.operators().stream().map(Operator::name).toList(), leases);
    }

    /** stable across restarts (unlike a random id), so a restarted node reclaims its own leases at once */
    private static String hostname(Environment environment) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return environment.getProperty("HOSTNAME", "localhost");
        }
    }
}
