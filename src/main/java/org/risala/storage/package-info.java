/**
 * Storage helpers every module that owns tables may use: {@link org.risala.storage.GroupCommit}, which turns many
 * callers' small writes into few large transactions. No tables, no domain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage helpers", allowedDependencies = {})
package org.risala.storage;
