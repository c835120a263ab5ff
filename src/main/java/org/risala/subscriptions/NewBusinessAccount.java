package org.risala.subscriptions;

import java.util.List;

/**
 * A business account as a client system asks for it.
 *
 * @param commercialRegistration the commercial registration number, digits (spaces and hyphens are dropped)
 * @param contacts               one or more mobile numbers, in any form people write them
 */
public record NewBusinessAccount(String name, String commercialRegistration, List<String> contacts) {
}
