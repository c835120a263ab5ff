package org.risala.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHeadersTests {

    private static ServiceDefinition withHeaders(Map<String, String> headers) {
        return service("VIO").connector(connector(ConnectorType.HTTP, "http://traffic/{number}", headers)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"${TRAFFIC_TOKEN}", "Bearer ${TRAFFIC_TOKEN}", " ${risala.traffic.key} "})
    void aReferenceToTheEnvironmentIsShown(String value) {
        assertThat(SecretHeaders.isReference(value)).isTrue();
        assertThat(SecretHeaders.masked(withHeaders(Map.of("Authorization", value))).connector().headers())
                .containsEntry("Authorization", value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc123", "abc${TOKEN}", "${TOKEN}abc", "Bearer ${TOKEN} ${OTHER}", "${}", ""})
    void anyOtherValueIsMasked(String value) {
        assertThat(SecretHeaders.isReference(value)).isFalse();
        assertThat(SecretHeaders.masked(withHeaders(Map.of("X-Api-Key", value))).connector().headers())
                .containsEntry("X-Api-Key", SecretHeaders.MASK);
    }

    @Test
    void aMaskedHeaderSentBackKeepsItsStoredValueAndATypedOneReplacesIt() {
        ServiceDefinition stored = withHeaders(Map.of("X-Api-Key", "k-123", "X-Client", "risala"));
        ServiceDefinition edited = withHeaders(Map.of("x-api-key", SecretHeaders.MASK, "X-Client", "risala-2",
                "X-New", SecretHeaders.MASK));

        assertThat(SecretHeaders.unmasked(edited, stored).connector().headers())
                .isEqualTo(Map.of("x-api-key", "k-123", "X-Client", "risala-2", "X-New", SecretHeaders.MASK));
        assertThat(SecretHeaders.unmasked(edited, null)).isEqualTo(edited);
    }
}
