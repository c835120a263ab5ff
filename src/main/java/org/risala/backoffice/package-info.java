/**
 * A demonstration of the back offices of the traffic, vehicle-registration and visa directorates, served over HTTP
 * as read-only JSON under {@code /demo-backoffice/}. It stands in for someone else's system: Risala's pull
 * services call it through the same HTTP connector a real deployment points at the directorates, so the embedded
 * default exercises the real path. The records are a small in-code catalogue
 * ({@link org.risala.backoffice.DemoCatalogue}) with dates relative to today;
 * {@link org.risala.backoffice.DemoBackOfficeFaults} makes it slow or down at runtime, for tests and demos. It is on
 * unless {@code risala.backoffice.enabled=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo back office")
package org.risala.backoffice;
