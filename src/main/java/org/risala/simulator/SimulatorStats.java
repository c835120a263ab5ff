package org.risala.simulator;

/**
 * Counters since the simulator started.
 *
 * @param submitsReceived every submit_sm, including the ones answered with an error
 * @param submitsRefused  submit_sm answered with an error status (throttled or injected error)
 * @param partsAccepted   submit_sm answered with a message id
 * @param handsetMessages messages completed in a handset inbox (all their parts arrived)
 * @param receiptsSent    receipts the client acknowledged with deliver_sm_resp OK (duplicates included)
 * @param receiptsDropped receipts given up after their retries
 * @param moSent          MO messages injected (each counts once, whatever its parts)
 * @param boundSessions   sessions bound right now
 */
public record SimulatorStats(long submitsReceived, long submitsRefused, long partsAccepted, long handsetMessages,
                             long receiptsSent, long receiptsDropped, long moSent, int boundSessions) {
}
