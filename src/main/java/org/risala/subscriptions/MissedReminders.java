package org.risala.subscriptions;

/**
 * What the reminder sweep does when a reminder's day has passed without it being sent: Risala was down, or the back
 * office reported the date late (a document that expires in 5 days reported today, with reminders 30, 7 and 1 days
 * before). Nothing is ever sent on or after the expiry date itself.
 */
enum MissedReminders {
    /**
     * Of the offsets whose day has come, only the one nearest to the expiry date is sent (7, not 30 and 7, when
     * 5 days are left); those before it are skipped for good.
     */
    NEAREST,
    /** a reminder is sent on its own day or not at all */
    SKIP
}
