/**
 * Premium push alerts: citizens subscribe to a topic about one of their own records (a plate, a passport, a visa
 * application) by SMS ({@code SUB}, {@code STOP}, {@code MY}, {@code YES}) or through the API; back offices post
 * events, which are matched to the active subscriptions and sent as alerts; priced topics leave billing records,
 * renewed monthly by the {@link org.risala.subscriptions.BillingCycle}, exported for the operators, and put in grace
 * then suspended when an operator reports a charge it could not collect. Topics come from
 * {@code risala.subscriptions.topics}. Facade: {@link org.risala.subscriptions.Subscriptions}. Owns the tables
 * {@code subscription}, {@code subscription_history}, {@code opt_out}, {@code subscription_event},
 * {@code billing_record} and {@code renewal_notice}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions",
        allowedDependencies = {"inbound::spi", "outbound", "records", "storage", "sms", "platform"})
package org.risala.subscriptions;
