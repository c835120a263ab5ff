package org.risala.pull.connector;

/** The back office did not give a usable answer: too slow, down, an error status, or a response that did not parse. */
public class BackOfficeUnavailable extends Exception {

    public BackOfficeUnavailable(String reason) {
        super(reason);
    }

    public BackOfficeUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
