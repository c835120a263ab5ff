/**
 * Storage helpers every module that owns tables may use: {@link org.risala.storage.GroupCommit}, which turns many
 * callers' small writes into few large transactions, {@link org.risala.storage.BulkInsert}, which writes many rows
 * at once (COPY on PostgreSQL), {@link org.risala.storage.SqlArrays}, array parameters for {@code = ANY(:ids)},
 * {@link org.risala.storage.BusyTableVacuum}, which keeps churning tables free of dead rows and their planner
 * statistics fresh on PostgreSQL, and {@link org.risala.storage.NamedDataSources}, the back-office databases configured by name ({@code risala.data-sources}), which pull services query and
 * subscriptions' expiry feeds read. No tables, no domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage helpers", allowedDependencies = {})
package org.risala.storage;
