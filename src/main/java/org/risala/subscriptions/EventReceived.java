package org.risala.subscriptions;

/**
 * What became of one event.
 *
 * @param matched   how many subscriptions it was alerted to (0 when it matched nobody, or was a duplicate)
 * @param duplicate the event id had been received before: nothing was sent again
 */
public record EventReceived(String id, int matched, boolean duplicate) {
}
