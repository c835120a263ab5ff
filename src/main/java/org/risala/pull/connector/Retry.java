package org.risala.pull.connector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One more attempt after a failure that may pass (a timeout, a refused connection, a 5xx), when configured. Each
 * attempt has the whole timeout, so a lookup that is tried again may take twice as long.
 */
final class Retry {

    private static final Logger log = LoggerFactory.getLogger(Retry.class);

    private Retry() {
    }

    interface Attempt<T> {
        T run() throws BackOfficeUnavailable;
    }

    /** a failure worth another attempt; a bad request or a broken query would only fail the same way again */
    static final class TransientFailure extends BackOfficeUnavailable {

        TransientFailure(String reason) {
            super(reason);
        }

        TransientFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    static <T> T once(boolean retries, Attempt<T> attempt) throws BackOfficeUnavailable {
        try {
            return attempt.run();
        } catch (TransientFailure failure) {
            if (!retries) {
                throw failure;
            }
            log.debug("Trying the back office once more after: {}", failure.getMessage());
            return attempt.run();
        }
    }
}
