package org.risala.subscriptions;

/** How a topic is charged. */
enum PricePlan {
    FREE,
    /** a fee for each calendar month (Asia/Muscat) a subscription is active, from the month it is confirmed */
    MONTHLY,
    /** a fee for each alert sent */
    PER_ALERT
}
