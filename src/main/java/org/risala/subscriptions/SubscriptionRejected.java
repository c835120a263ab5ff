package org.risala.subscriptions;

/** A subscription that cannot be made, naming the request field at fault and why (it becomes problem+json). */
public class SubscriptionRejected extends RuntimeException {

    private final String field;

    public SubscriptionRejected(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
