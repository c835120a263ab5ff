package org.risala.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The servlet filters every request passes, kept to what Risala uses: each costs every API call and lookup. */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /**
     * Spring Boot adds the resource URL encoding filter because springdoc's web jars make the resource chain look
     * enabled; no page uses versioned resource URLs, and it parsed the path of every request — a fifth of the web
     * layer's time when citizens' lookups hit the back office.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncoding() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> filter =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        filter.setEnabled(false);
        return filter;
    }
}
