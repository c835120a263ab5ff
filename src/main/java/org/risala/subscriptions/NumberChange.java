package org.risala.subscriptions;

/**
 * The civil registry reports that a citizen's mobile number changed.
 *
 * @param civilId   the citizen's civil number, kept in the subscriptions' history for audit
 * @param oldNumber the number the subscriptions are held by, in any form people write it
 * @param newNumber the number they move to
 * @param reference the registry's own reference of the change, optional; with it, a later change back and forth
 *                  between the same numbers is a new change, not a repeat
 */
public record NumberChange(String civilId, String oldNumber, String newNumber, String reference) {
}
