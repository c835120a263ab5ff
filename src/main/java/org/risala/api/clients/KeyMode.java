package org.risala.api.clients;

/** A live key reaches operators; a test key runs the whole flow but only ever reaches the built-in simulator. */
public enum KeyMode {
    LIVE, TEST
}
