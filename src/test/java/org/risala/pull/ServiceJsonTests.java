package org.risala.pull;

import org.risala.records.Normalisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceJsonTests {

    @Test
    void aDefinitionReadsBackAsItWasWritten() {
        ServiceDefinition definition = service("VIO").aliases("مخالفات").alternatives(true)
                .arguments(new ArgumentDefinition("plate", Normalisations.PLATE, null,
                                new Bilingual("the plate", "رقم اللوحة")),
                        new ArgumentDefinition("civilId", Normalisations.CIVIL_ID, null,
                                new Bilingual("the civil ID", "الرقم المدني")))
                .connector(connector(ConnectorType.HTTP, "http://traffic/v?plate={plate}&civilId={civilId}",
                        Map.of("X-Api-Key", "${TRAFFIC_KEY}")))
                .build();

        assertThat(ServiceJson.read(ServiceJson.write(definition))).isEqualTo(definition);
    }

    @Test
    void durationsAreWrittenIsoAndEmptyPartsLeftOut() {
        String json = ServiceJson.write(service("VIO").build());

        assertThat(json).contains("\"timeout\":\"PT2S\"").doesNotContain("\"aliases\"", "null", "\"headers\"");
    }

    @ParameterizedTest
    @CsvSource({"PT3S, 3000", "3s, 3000", "500ms, 500", "1m, 60000"})
    void durationsAreReadIsoOrAsInTheConfiguration(String written, long millis) {
        ServiceDefinition read = ServiceJson.read("{\"keyword\":\"VIO\",\"connector\":{\"type\":\"static\","
                + "\"timeout\":\"" + written + "\"}}");

        assertThat(read.connector().timeout()).isEqualTo(Duration.ofMillis(millis));
        assertThat(read.connector().type()).isEqualTo(ConnectorType.STATIC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"keyword\":\"VIO\",\"aliasses\":[]}| aliasses: is not a field here",
            "{\"connector\":{\"timeout\":\"soon\"}}| connector.timeout: must be a duration such as 3s, 500ms or PT3S",
            "{\"connector\":{\"type\":\"FTP\"}}| connector.type: must be one of HTTP, JDBC, STATIC",
            "{\"maxSegments\":\"three\"}| maxSegments: must be a whole number",
            "{\"help\":{\"en\":\"x\",\"fr\":\"y\"}}| help.fr: is not a field here",
            "{\"arguments\":[{\"usage\":{\"en\":3}}]}| arguments[0].usage.en: must be text",
            "{\"help\":\"VIO 12345AB\"}| help: must be an object",
            "{\"aliases\":\"VIOL\"}| aliases: must be a list",
            "{\"keyword\":\"VIO\"| definition: is not valid JSON (line 1, column 17)"})
    void whatIsNotADefinitionIsNamedByItsField(String json, String problem) {
        assertThatExceptionOfType(ServiceRejected.class).isThrownBy(() -> ServiceJson.read(json))
                .satisfies(e -> assertThat(e.problems()).containsExactly(problem.strip()));
    }

    @Test
    void aTextMissingInOneLanguageOrAWholeReplyReadsAsEmptySoThatValidationNamesThemAll() {
        ServiceDefinition read = ServiceJson.read("{\"help\":{\"ar\":\"مساعدة\"},\"replies\":{\"found\":null}}");

        assertThat(read.help()).isEqualTo(new Bilingual("", "مساعدة"));
        assertThat(read.replies().found()).isEqualTo(new Bilingual("", ""));
        assertThat(read.replies().unavailable()).isEqualTo(new Bilingual("", ""));
    }

    @Test
    void aStoredDefinitionWithAFieldDroppedSinceStillReads() {
        assertThat(ServiceJson.readStored("{\"keyword\":\"VIO\",\"retired\":true}").keyword()).isEqualTo("VIO");
    }
}
