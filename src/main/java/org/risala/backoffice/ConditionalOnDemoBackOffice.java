package org.risala.backoffice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Present only while the demo back office is on ({@code risala.backoffice.enabled}, true unless set to false). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(prefix = "risala.backoffice", name = "enabled", havingValue = "true", matchIfMissing = true)
@interface ConditionalOnDemoBackOffice {
}
