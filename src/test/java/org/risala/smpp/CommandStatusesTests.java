package org.risala.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.smpp.CommandStatuses.StatusClass.PERMANENT;
import static org.risala.smpp.CommandStatuses.StatusClass.RETRYABLE;
import static org.risala.smpp.CommandStatuses.StatusClass.SESSION;
import static org.risala.smpp.CommandStatuses.StatusClass.THROTTLED;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandStatusesTests {

    @Test
    void throttlingIsItsOwnClass() {
        assertThat(CommandStatuses.classify(0x58)).isEqualTo(THROTTLED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x14, 0x08, 0x64, 0x45, 0xFF})
    void temporaryAndAmbiguousStatusesAreRetried(int status) {
        assertThat(CommandStatuses.classify(status)).isEqualTo(RETRYABLE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x04, 0x05, 0x0D, 0x0E, 0x0F})
    void bindAndAccountStatusesBlameTheSession(int status) {
        assertThat(CommandStatuses.classify(status)).isEqualTo(SESSION);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x0A, 0x0B, 0x43, 0x48, 0x51, 0x62, 0xC2, 0x0400, 0x66})
    void everythingElseIsPermanent(int status) {
        assertThat(CommandStatuses.classify(status)).isEqualTo(PERMANENT);
    }

    @Test
    void describesKnownCodesByNameHexAndMeaning() {
        assertThat(CommandStatuses.describe(0x0B)).isEqualTo("ESME_RINVDSTADR (0x0000000B) invalid destination address");
        assertThat(CommandStatuses.describe(0x58)).isEqualTo("ESME_RTHROTTLED (0x00000058) throttling error");
    }

    @Test
    void describesUnknownCodesByHex() {
        assertThat(CommandStatuses.describe(0x0401)).contains("0x00000401").contains("vendor-specific");
    }
}
