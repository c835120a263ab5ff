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
 * <p>Owns the tables {@code subscription}, {@code subscription_history}, {@code opt_out}, {@code subscription_event},
 * {@code billing_record}, {@code renewal_notice}, {@code business_account}, {@code business_contact} and
 * {@code number_change}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions",
        allowedDependencies = {"inbound::spi", "outbound", "records", "storage", "sms", "platform"})
package org.risala.subscriptions;
