package org.risala.backoffice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo back office ({@code risala.backoffice.*}). Its faults are not configured here: they are switched at
 * runtime through {@code POST /demo-backoffice/faults}.
 *
 * @param enabled serve {@code /demo-backoffice/**} (default true); a deployment whose pull services call the real
 *                directorates can switch it off
 */
@ConfigurationProperties("risala.backoffice")
public record DemoBackOfficeProperties(Boolean enabled) {

    public DemoBackOfficeProperties {
        enabled = enabled == null || enabled;
    }
}
