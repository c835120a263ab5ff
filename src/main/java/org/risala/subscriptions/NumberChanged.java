package org.risala.subscriptions;

import java.util.List;

/**
 * What a number change did.
 *
 * @param moved         subscriptions moved to the new number
 * @param merged        subscriptions of the old number stopped because the new number had them already
 * @param subscriptions the moved subscriptions as they are now; empty for a repeat
 * @param notified      whether both numbers were sent an SMS now (only when something moved or merged)
 * @param duplicate     the same change was reported before: nothing was moved or sent now
 */
public record NumberChanged(long id, String oldNumber, String newNumber, int moved, int merged,
                            List<SubscriptionView> subscriptions, boolean notified, boolean duplicate) {
}
