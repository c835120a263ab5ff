/**
 * Premium push alerts: citizens subscribe to a topic about one of their own records (a plate, a passport, a visa
 * application) by SMS ({@code SUB}, {@code STOP}, {@code MY}, {@code YES}) or through the API; back offices post
 * events, which are matched to the active subscriptions and sent as alerts; priced topics leave billing records.
 * Topics come from {@code risala.subscriptions.topics}. Facade: {@link org.risala.subscriptions.Subscriptions}.
 *
 * <p>Expiry reminders: a topic with {@code reminder-days} (30, 7, 1) is an expiry topic. Back offices give the
 * expiry dates of its documents as {@code document.expiry} events ({@code "data":{"topic","expiresOn"}}) or
 * through expiry feeds ({@code risala.subscriptions.expiry-feeds}: a query on a database named under
 * {@code risala.data-sources}, polled). The {@link org.risala.subscriptions.ReminderSweep} sends each offset once
 * per subscription, date and offset — a unique key, which is also the claim between nodes — and plans a changed
 * date again; of several offsets due at once (after downtime, or a date reported late) only the nearest is sent
 * ({@link org.risala.subscriptions.MissedReminders}), and nothing on or after the date. Quiet hours
 * ({@code risala.subscriptions.quiet-hours}, 22:00–07:00 Asia/Muscat) hold the alerts and reminders of topics
 * without {@code quiet-hours-allowed} until they end.
 *
 * <p>Owns the tables {@code subscription}, {@code subscription_history}, {@code opt_out}, {@code subscription_event},
 * {@code billing_record}, {@code document_expiry} and {@code reminder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions",
        allowedDependencies = {"inbound::spi", "outbound", "records", "storage", "sms", "platform"})
package org.risala.subscriptions;
