package org.risala.subscriptions;

import java.util.List;

/**
 * What a business's request to subscribe keys did.
 *
 * @param results     one per line, in the order given
 * @param optedOut    contact numbers that sent STOP ALL: the business cannot subscribe them until they subscribe
 *                    themselves again
 */
public record BusinessSubscribed(List<LineResult> results, List<String> optedOut) {
}
