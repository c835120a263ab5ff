package org.risala.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application on a random port, with the built-in simulator on an ephemeral port, on H2
 * or PostgreSQL depending on {@code -Drisala.test.db}. Every test class using it shares one Spring context, so do
 * not add per-class properties: put settings a test needs in {@code application-test.yml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@Import(TestDatabase.CleanDatabase.class)
public @interface IntegrationTest {
}
