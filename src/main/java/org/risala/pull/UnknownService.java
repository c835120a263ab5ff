package org.risala.pull;

/** No service has this keyword. */
public class UnknownService extends RuntimeException {

    public UnknownService(String keyword) {
        super("no service has the keyword " + keyword);
    }
}
