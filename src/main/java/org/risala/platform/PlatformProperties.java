package org.risala.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the web platform ({@code risala.platform.*}).
 *
 * @param bootstrapAdminPassword password of the {@code admin} user created on first start (env
 *                               {@code RISALA_BOOTSTRAP_ADMIN_PASSWORD}); empty to have one generated and logged once
 * @param timeZone               zone in which pages show times and read the dates typed into search forms
 */
@ConfigurationProperties("risala.platform")
public record PlatformProperties(String bootstrapAdminPassword, ZoneId timeZone) {

    public PlatformProperties {
        bootstrapAdminPassword = bootstrapAdminPassword == null ? "" : bootstrapAdminPassword;
        timeZone = timeZone == null ? ZoneId.of("Asia/Muscat") : timeZone;
    }
}
