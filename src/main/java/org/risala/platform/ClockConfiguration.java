package org.risala.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** one Clock for all time-dependent code, so tests can replace it */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
