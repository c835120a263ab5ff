package org.risala.outbound;

/** The message could not be stored, so it was not accepted (the API answers 503, never 202). */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(Throwable cause) {
        super("the message store is unavailable: " + cause.getMessage(), cause);
    }
}
