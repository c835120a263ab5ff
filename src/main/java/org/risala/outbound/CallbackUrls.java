package org.risala.outbound;

import java.net.URI;

/** Where status callbacks may be posted: an absolute http or https URL of at most 1,000 characters. */
public final class CallbackUrls {

    private static final int MAX_LENGTH = 1000;

    private CallbackUrls() {
    }

    /**
     * @return the URL trimmed, or null when blank
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static String check(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("callbackUrl may be at most " + MAX_LENGTH + " characters long");
        }
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the rule rather than the parser's message
        }
        throw new IllegalArgumentException("callbackUrl must be an absolute http or https URL");
    }
}
