/**
 * Identifiers of the records citizens quote in their messages (plates, civil IDs, visa applications) and the
 * Arabic-keyboard clean-up they need, with one validation and normalisation ({@link org.risala.records.Normalisations})
 * shared by the pull services, subscriptions and the demo back office. Plain Java, no beans, no dependencies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record identifiers", allowedDependencies = {})
package org.risala.records;
