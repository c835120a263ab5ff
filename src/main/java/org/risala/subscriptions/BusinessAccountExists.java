package org.risala.subscriptions;

/** A business account with this commercial registration exists already (there is one per registration). */
public class BusinessAccountExists extends RuntimeException {

    private final long id;

    BusinessAccountExists(long id) {
        super("the business account " + id + " has this commercial registration");
        this.id = id;
    }

    public long id() {
        return id;
    }
}
