package org.risala.outbound;

/** The answer for one item of a batch: either it was accepted, or it was rejected with the field and reason. */
public record BatchItem(int index, Accepted accepted, SendRejected rejected) {
}
