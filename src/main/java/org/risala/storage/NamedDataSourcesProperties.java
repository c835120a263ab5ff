package org.risala.storage;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.ClassUtils;

/**
 * The back-office databases by name ({@code risala.data-sources.<name>.*}). Only this key of {@code risala} is bound
 * here; the modules bind their own.
 *
 * @param dataSources the data sources by name
 */
@ConfigurationProperties("risala")
public record NamedDataSourcesProperties(Map<String, DataSourceSettings> dataSources) {

    public NamedDataSourcesProperties {
        dataSources = dataSources == null ? Map.of() : Map.copyOf(dataSources);
        dataSources.forEach((name, settings) -> DataSourceSettings.check("risala.data-sources." + name, settings));
    }

    /**
     * One back-office database, reached through a small pool of its own.
     *
     * @param url               the JDBC URL
     * @param username          the user; give it read access to what the queries read, nothing more
     * @param password          its password (from the environment, not a file in the repository)
     * @param driverClassName   optional: found from the URL when the driver's jar is on the classpath
     * @param maximumPoolSize   connections at most; default 4
     * @param connectionTimeout the longest wait for a free connection; default 1 s, since a citizen may be waiting
     */
    public record DataSourceSettings(String url, String username, String password, String driverClassName,
                              Integer maximumPoolSize, Duration connectionTimeout) {

        public DataSourceSettings {
            maximumPoolSize = maximumPoolSize == null ? 4 : maximumPoolSize;
            connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(1) : connectionTimeout;
        }

        private static void check(String prefix, DataSourceSettings settings) {
            if (settings == null || settings.url == null || settings.url.isBlank()) {
                throw new IllegalArgumentException(prefix + ".url: required");
            }
            String driver = settings.driverClassName;
            if (driver != null && !ClassUtils.isPresent(driver, null)) {
                throw new IllegalArgumentException(prefix + ".driver-class-name: " + driver + " is not on the classpath");
            }
            if (settings.maximumPoolSize < 1) {
                throw new IllegalArgumentException(prefix + ".maximum-pool-size: at least 1");
            }
            // Hikari refuses less, but only when the pool opens at the first lookup
            if (settings.connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException(prefix + ".connection-timeout: at least 250ms");
            }
        }

        /** never the password, should a record be logged */
        @Override
        public String toString() {
            return "DataSourceSettings[url=" + url + ", username=" + username + ", password=" + (password == null
                    || password.isEmpty() ? "" : "******") + ", driverClassName=" + driverClassName
                    + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
        }
    }
}
