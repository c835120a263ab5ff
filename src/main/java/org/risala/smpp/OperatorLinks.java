package org.risala.smpp;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The smpp module's facade: hands messages to operators and tells which operators can take them now. */
public interface OperatorLinks {

    /**
     * Submits every missing part, waiting for TPS tokens and window slots of one of this node's bound binds of the
     * operator. Never throws: link problems are reported as {@link SubmitResult.Outcome#RETRY}.
     */
    CompletableFuture<SubmitResult> submit(Submission submission);

    /** name of the operator link to the built-in SMSC simulator */
    String SIMULATOR = "simulator";

    /**
     * The effective operators in configuration order. When the built-in simulator runs it is included under the
     * name {@link #SIMULATOR}, with the prefixes of no one (it takes live traffic only when it is the only operator).
     */
    List<SmppProperties.Operator> operators();

    /** true when this node holds at least one bound bind of the operator able to transmit */
    boolean canTransmit(String operator);

    /** window slots (unacknowledged submits) of this node's bound binds of the operator, in use or not */
    int window(String operator);

    /** parts this node could start submitting to the operator right now without waiting for the window */
    int freeWindow(String operator);

    /** state of every configured bind, for health and the admin pages */
    List<BindStatus> binds();
}
