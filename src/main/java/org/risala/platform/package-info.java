/**
 * What every web page shares: staff login (users in the database, bcrypt-hashed passwords), the roles ADMIN,
 * SUPERVISOR and USER, departments, security headers and CSRF protection, the page layout with its SIMULATOR
 * banner, error pages, and the application Clock. Owns the tables {@code department} and {@code staff_user}.
 * Other modules use it only from their web layers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.risala.platform;
