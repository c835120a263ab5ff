package org.risala.platform;

/** A unit of the organisation; every member of staff belongs to one. */
public record Department(long id, String name) {
}
