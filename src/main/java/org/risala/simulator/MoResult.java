package org.risala.simulator;

/** @param parts how many deliver_sm the injected MO message took */
public record MoResult(int parts) {
}
