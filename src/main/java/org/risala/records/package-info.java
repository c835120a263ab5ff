/**
 * Identifiers of the records citizens quote in their messages — vehicle plates, civil IDs, visa applications
 * ({@link org.risala.records.Normalisations}) — and the Arabic-keyboard clean-up
 * they need — with one validation and normalisation shared by the pull services, subscriptions and the demo back
 * office. Plain Java, no beans, no dependencies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Record identifiers", allowedDependencies = {})
package org.risala.records;
