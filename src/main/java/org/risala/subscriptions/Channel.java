package org.risala.subscriptions;

/** How a subscription was made. */
enum Channel {
    SMS,
    /** by a client system (the citizen portal), which confirmed it with the citizen itself */
    API
}
