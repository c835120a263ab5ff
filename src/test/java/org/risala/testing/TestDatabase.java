package org.risala.testing;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfilesResolver;

/** Which database the integration tests run on: {@code -Drisala.test.db=h2} (default) or {@code postgres}. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String name() {
        return System.getProperty("risala.test.db", "h2");
    }

    public static boolean isPostgres() {
        return "postgres".equals(name());
    }

    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return new String[] {"test", "test-" + name()};
        }
    }

    /** every test run starts from an empty schema, also on a PostgreSQL database left over from an earlier run */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CleanDatabase {
        /** replaces the system clock everywhere, so tests can move time forward */
        @Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
