package org.risala.subscriptions;

/**
 * Where a subscription is: a priced one waits for YES; a stopped or suspended one stays as a record and never comes
 * back (subscribing again makes a new one).
 */
public enum SubscriptionState {
    PENDING_CONFIRMATION,
    ACTIVE,
    STOPPED,
    /** its charge failed and was not collected within the grace period */
    SUSPENDED
}
