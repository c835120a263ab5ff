package org.risala.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.risala.storage.NamedDataSourcesProperties.DataSourceSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The back-office databases configured under {@code risala.data-sources.<name>}, which JDBC pull services query and
 * expiry feeds read, each a pool of its own opened at its first use (a database nobody queries costs nothing, and
 * one that is down does not stop Risala from starting) and closed on shutdown.
 */
@Component
public class NamedDataSources implements DisposableBean {

    private final Map<String, DataSource> dataSources;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public NamedDataSources(NamedDataSourcesProperties properties) {
        Map<String, DataSource> lazy = new HashMap<>();
        properties.dataSources().forEach((name, settings) -> lazy.put(name, new DelegatingDataSource() {
            @Override
            protected DataSource obtainTargetDataSource() {
                return pools.computeIfAbsent(name, unused -> open(name, settings));
            }
        }));
        this.dataSources = Map.copyOf(lazy);
    }

    public Set<String> names() {
        return dataSources.keySet();
    }

    /** the data source of that name, which opens its pool at its first connection; null for an unknown name */
    public DataSource dataSource(String name) {
        return dataSources.get(name);
    }

    private static HikariDataSource open(String name, DataSourceSettings source) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("db-" + name);
        config.setJdbcUrl(source.url());
        config.setUsername(source.username());
        config.setPassword(source.password());
        if (source.driverClassName() != null) {
            config.setDriverClassName(source.driverClassName());
        }
        config.setMaximumPoolSize(source.maximumPoolSize());
        config.setConnectionTimeout(source.connectionTimeout().toMillis());
        // Hikari's default of 5 s would exceed the connection timeout, and only be cut down with a warning
        config.setValidationTimeout(source.connectionTimeout().toMillis());
        // open without a connection: a database that is down now is a lookup that fails, not a pool that never opens
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        pools.values().forEach(HikariDataSource::close);
    }
}
