/**
 * Premium push alerts: citizens subscribe to a topic about one of their own records (a plate, a passport, a visa
 * application) by SMS ({@code SUB}, {@code STOP}, {@code MY}, {@code YES}) or through the API; back offices post
 * events, which are matched to the active subscriptions and sent as alerts; priced topics leave billing records,
 * renewed monthly by the {@link org.risala.subscriptions.BillingCycle}, exported for the operators, and put in grace
 * then suspended when an operator reports a charge it could not collect. Topics come from
 * {@code risala.subscriptions.topics}. The civil registry's number changes move a person's subscriptions to their
 * new number. Staff search them and see the figures per topic on the pages in {@code web} (SUPERVISOR and ADMIN).
 * Facades: {@link org.risala.subscriptions.Subscriptions}, {@link org.risala.subscriptions.BusinessAccounts},
 * {@link org.risala.subscriptions.NumberChanges}, and for the pages
 * {@link org.risala.subscriptions.SubscriptionRecords}.
 *
 * <p>G2B: a business account (a fleet company) subscribes many keys at once for its contact numbers. Each key is
 * stored as one ordinary subscription per contact number, marked with the account ({@code business_account_id}),
 * rather than one row per key with the contacts looked up when an event comes: the unique live index, STOP from the
 * phone, MY, the opt-out list and billing then hold for a business's subscriptions without a special case, and the
 * fan-out to 100,000 subscribers stays the one indexed query by topic and key. The cost is rows: keys times
 * contacts (at most 10 contacts). Billing follows: a MONTHLY key is charged per contact number, as each number gets
 * the alerts. A contact number that sent STOP ALL is not subscribed by the business until it subscribes itself.
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
 * {@code billing_record}, {@code renewal_notice}, {@code business_account}, {@code business_contact},
 * {@code number_change}, {@code document_expiry} and {@code reminder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions",
        allowedDependencies = {"inbound::spi", "outbound", "records", "storage", "sms", "platform"})
package org.risala.subscriptions;
