package org.risala.outbound;

import java.util.List;
import java.util.UUID;

import org.risala.sms.Encoding;

/** What the caller learns once its message is stored. */
public record Accepted(UUID id, MessageStatus status, String to, Encoding encoding, int segments,
                       List<String> warnings) {
}
