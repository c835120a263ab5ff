package org.risala.outbound;

/** A message that cannot be accepted, naming the request field at fault and why (it becomes problem+json). */
public class SendRejected extends RuntimeException {

    private final String field;

    public SendRejected(String field, String reason) {
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
