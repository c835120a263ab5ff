package org.risala.pull;

import org.risala.records.Normalisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceValidatorTests {

    private final ServiceValidator validator = new ServiceValidator(connector -> List.of());

    private List<String> problems(ServiceBuilder service) {
        return validator.problems(service.build(), Map.of());
    }

    @Test
    void aCompleteDefinitionHasNoProblem() {
        assertThat(problems(service("VIO").aliases("مخالفات"))).isEmpty();
    }

    @Test
    void theKeywordIsRequiredLettersAndDigitsAndAtMostTwentyCharacters() {
        assertThat(problems(service(null))).containsExactly("keyword: is required");
        assertThat(problems(service(" "))).containsExactly("keyword: is required");
        assertThat(problems(service("VIO!"))).containsExactly("keyword: may hold only letters and digits");
        assertThat(problems(service("VIO PLATE"))).containsExactly("keyword: may hold only letters and digits");
        assertThat(problems(service("A".repeat(21)))).containsExactly("keyword: may be at most 20 characters long");
        assertThat(problems(service("A".repeat(20)))).isEmpty();
    }

    @Test
    void arabicDiacriticsAndTatweelAreNoPunctuation() {
        assertThat(problems(service("VIO").aliases("مُخـالفات"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help", "مساعدة", "مساعده", "SUB", "STOP", "MY", "YES", "اشتراك", "الغاء",
            "إلغاء", "اشتراكاتي", "نعم"})
    void theKeywordsOfHelpAndTheSubscriptionsAreReserved(String keyword) {
        assertThat(problems(service(keyword))).singleElement().asString()
                .startsWith("keyword: ").endsWith(" is reserved for HELP and the subscriptions");
        assertThat(problems(service("VIO").aliases(keyword))).singleElement().asString()
                .startsWith("aliases[0]: ");
    }

    @Test
    void keywordsAndAliasesAreUniqueAcrossServicesInTheirCanonicalForm() {
        Map<String, String> taken = ServiceValidator.names(List.of(service("VISA").aliases("تأشيرة").build()));

        assertThat(validator.problems(service("visa").build(), taken))
                .containsExactly("keyword: visa is already used by the service VISA");
        assertThat(validator.problems(service("VISAS").aliases("تاشيره").build(), taken))
                .containsExactly("aliases[0]: تاشيره is already used by the service VISA");
        assertThat(problems(service("VIO").aliases("مخالفات", "vio", "مخالفات")))
                .containsExactly("aliases[1]: vio repeats the keyword or another alias of this service",
                        "aliases[2]: مخالفات repeats the keyword or another alias of this service");
    }

    @Test
    void shortCodesAreDigits() {
        assertThat(problems(service("VIO").shortCodes("90085", "9008A", "")))
                .containsExactly("shortCodes[1]: may hold only digits", "shortCodes[2]: may hold only digits");
    }

    @Test
    void eachArgumentHasAUniqueNameAPatternThatCompilesAndItsUsageInBothLanguages() {
        Bilingual usage = new Bilingual("a plate", "رقم اللوحة");
        assertThat(problems(service("VIO").arguments(
                new ArgumentDefinition("plate", Normalisations.PLATE, "[0-9]+(", usage),
                new ArgumentDefinition("plate", null, null, new Bilingual("a plate", " ")),
                new ArgumentDefinition("", null, null, null),
                new ArgumentDefinition("civil-id", null, null, usage))))
                .containsExactly(
                        "arguments[0].pattern: is not a valid regular expression (Unclosed group)",
                        "arguments[1].name: plate is the name of another argument",
                        "arguments[1].usage.ar: is required",
                        "arguments[2].name: is required",
                        "arguments[2].usage.en: is required",
                        "arguments[2].usage.ar: is required",
                        "arguments[3].name: may hold only letters, digits and _, and starts with a letter");
    }

    @Test
    void alternativesNeedAtLeastTwoArguments() {
        assertThat(problems(service("VIO").alternatives(true)))
                .containsExactly("alternatives: needs at least two arguments to choose from");
    }

    @Test
    void allEightRepliesArePresentAndCompileAndTheHelpIsInBothLanguages() {
        ReplyTemplates replies = new ReplyTemplates(new Bilingual("{{#violations}}open", "ok"),
                new Bilingual("", "ok"), new Bilingual("ok", "{{/usage}}"), new Bilingual("ok", "{{usage"));

        assertThat(problems(service("VIO").replies(replies).help(new Bilingual("12345AB - violations", ""))))
                .containsExactly(
                        "help.ar: is required",
                        "replies.found.en: section violations opened at position 0 is not closed with {{/violations}}",
                        "replies.notFound.en: is required",
                        "replies.invalid.ar: {{/usage}} at position 0 closes no section",
                        "replies.unavailable.ar: tag at position 0 has no closing }}");
        assertThat(problems(service("VIO").replies(null).help(null))).hasSize(10);
    }

    @Test
    void maxSegmentsIsOneToTen() {
        assertThat(problems(service("VIO").maxSegments(0))).containsExactly("maxSegments: must be between 1 and 10");
        assertThat(problems(service("VIO").maxSegments(11))).containsExactly("maxSegments: must be between 1 and 10");
        assertThat(problems(service("VIO").maxSegments(10))).isEmpty();
    }

    @Test
    void eachConnectorTypeNeedsItsFields() {
        assertThat(problems(service("VIO").connector(null))).containsExactly("connector: is required");
        assertThat(problems(service("VIO").connector(connector(null, null, Map.of()))))
                .containsExactly("connector.type: is required (HTTP, JDBC or STATIC)");
        assertThat(problems(service("VIO").connector(connector(ConnectorType.HTTP, " ", Map.of()))))
                .containsExactly("connector.url: is required for an HTTP connector");
        assertThat(problems(service("VIO").connector(new ConnectorDefinition(ConnectorType.JDBC, null, null, null,
                null, null, null, null, null, null, null, Duration.ZERO, null, 0))))
                .containsExactly("connector.dataSource: is required for a JDBC connector",
                        "connector.query: is required for a JDBC connector",
                        "connector.timeout: must be longer than zero",
                        "connector.maxConcurrent: must be at least 1");
        assertThat(problems(service("VIO").connector(new ConnectorDefinition(ConnectorType.HTTP, "DELETE",
                "http://traffic/{plate}", null, null, null, null, null, null, null, null, null, null, null))))
                .containsExactly("connector.method: must be GET or POST");
    }

    @Test
    void aHeaderStillMaskedHasNoValueToKeep() {
        assertThat(problems(service("VIO").connector(connector(ConnectorType.HTTP, "http://traffic/{number}",
                Map.of("X-Api-Key", SecretHeaders.MASK)))))
                .containsExactly(
                        "connector.headers.X-Api-Key: is masked and has no stored value; type the value again");
    }

    @Test
    void theConnectorHookIsAskedOnceTheDefinitionsOwnChecksPass() {
        ServiceValidator hooked = new ServiceValidator(
                connector -> List.of("connector.dataSource: no data source 'traffic'"));
        ConnectorDefinition jdbc = new ConnectorDefinition(ConnectorType.JDBC, null, null, null, null, null, null,
                null, "traffic", "SELECT 1", null, null, null, null);

        assertThat(hooked.problems(service("VIO").connector(jdbc).build(), Map.of()))
                .containsExactly("connector.dataSource: no data source 'traffic'");
        assertThat(hooked.problems(service("VIO").connector(connector(ConnectorType.HTTP, null, Map.of())).build(),
                Map.of())).containsExactly("connector.url: is required for an HTTP connector");
    }
}
