/**
 * Storage helpers every module that owns tables may use: {@link org.risala.storage.GroupCommit}, which turns many
 * callers' small writes into few large transactions, and {@link org.risala.storage.NamedDataSources}, the
 * back-office databases configured by name ({@code risala.data-sources}), which pull services query and
 * subscriptions' expiry feeds read. No tables, no domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage helpers", allowedDependencies = {})
package org.risala.storage;
