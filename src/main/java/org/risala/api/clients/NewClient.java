package org.risala.api.clients;

/** A client just created, with its callback signing secret, shown this once. */
public record NewClient(ClientAccount client, String callbackSecret) {
}
