package org.risala.subscriptions;

/** Where a subscription is: a priced one waits for YES; a stopped one stays as a record and never comes back. */
public enum SubscriptionState {
    PENDING_CONFIRMATION,
    ACTIVE,
    STOPPED
}
