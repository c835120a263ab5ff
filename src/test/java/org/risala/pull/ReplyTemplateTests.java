package org.risala.pull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplyTemplateTests {

    private static final String VIOLATIONS = "{{plate}}: {{unpaidCount}} unpaid violations, total {{total}}."
            + "{{#violations}} {{date}} {{place}} {{amount}};{{/violations}}";

    @Test
    void rendersVariablesAndAListOfMaps() {
        Map<String, Object> values = Map.of(
                "plate", "12345AB", "unpaidCount", 2, "total", new BigDecimal("35.000"),
                "violations", List.of(
                        Map.of("date", "2026-01-15", "place", "Muscat Expressway", "amount", "20.000"),
                        Map.of("date", "2026-02-02", "place", "Sohar", "amount", "15.000")));

        assertThat(new ReplyTemplate(VIOLATIONS).render(values)).isEqualTo("12345AB: 2 unpaid violations, total 35.000."
                + " 2026-01-15 Muscat Expressway 20.000; 2026-02-02 Sohar 15.000;");
    }

    @Test
    void rendersAnArabicTemplate() {
        ReplyTemplate template = new ReplyTemplate("المركبة {{plate}}: {{unpaidCount}} مخالفات غير مدفوعة");

        assertThat(template.render(Map.of("plate", "12345AB", "unpaidCount", 3)))
                .isEqualTo("المركبة 12345AB: 3 مخالفات غير مدفوعة");
    }

    @Test
    void rendersAnUnknownOrNullVariableAsNothing() {
        Map<String, Object> values = new HashMap<>();
        values.put("plate", null);

        assertThat(new ReplyTemplate("[{{plate}}][{{nowhere}}]").render(values)).isEqualTo("[][]");
        assertThat(new ReplyTemplate("[{{plate}}]").render(null)).isEqualTo("[]");
    }

    @Test
    void writesAmountsInPlainNotation() {
        assertThat(new ReplyTemplate("{{total}}").render(Map.of("total", new BigDecimal("1E+2")))).isEqualTo("100");
    }

    @Test
    void toleratesSpacesInsideTags() {
        assertThat(new ReplyTemplate("{{ plate }}{{# list }}-{{/ list }}").render(Map.of("plate", "P", "list",
                List.of(Map.of())))).isEqualTo("P-");
    }

    @Test
    void letsAListItemUseTheNamesAroundIt() {
        ReplyTemplate template = new ReplyTemplate("{{#violations}}{{plate}}/{{amount}} {{/violations}}");

        assertThat(template.render(Map.of("plate", "7K", "violations",
                List.of(Map.of("amount", "10"), Map.of("amount", "5", "plate", "own")))))
                .isEqualTo("7K/10 own/5 ");
    }

    @Test
    void rendersNestedListsOfMaps() {
        ReplyTemplate template = new ReplyTemplate(
                "{{#vehicles}}{{plate}}:{{#violations}} {{amount}}{{/violations}}{{^violations}} none{{/violations}}."
                        + "{{/vehicles}}");
        Map<String, Object> values = Map.of("vehicles", List.of(
                Map.of("plate", "1A", "violations", List.of(Map.of("amount", "10"), Map.of("amount", "20"))),
                Map.of("plate", "2B", "violations", List.of())));

        assertThat(template.render(values)).isEqualTo("1A: 10 20.2B: none.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {"missing | yes", "emptyList | yes", "false | yes",
            "emptyText | yes", "emptyMap | yes", "null | yes", "list | no", "true | no", "text | no", "map | no"})
    void rendersAnInvertedSectionExactlyWhenTheSectionIsEmpty(String name, String rendersInverted) {
        Map<String, Object> values = new HashMap<>(Map.of("emptyList", List.of(), "false", false, "emptyText", "",
                "emptyMap", Map.of(), "list", List.of(Map.of()), "true", true, "text", "x", "map", Map.of("k", 1)));
        values.put("null", null);
        String both = "{{#" + name + "}}section{{/" + name + "}}{{^" + name + "}}inverted{{/" + name + "}}";

        assertThat(new ReplyTemplate(both).render(values))
                .isEqualTo(rendersInverted.equals("yes") ? "inverted" : "section");
    }

    @Test
    void rendersASectionOverAMapWithItsEntries() {
        assertThat(new ReplyTemplate("{{#owner}}{{name}}{{/owner}}").render(Map.of("owner", Map.of("name", "Salim"))))
                .isEqualTo("Salim");
    }

    @Test
    void rendersASectionOnceForAPlainValue() {
        assertThat(new ReplyTemplate("{{#due}}due {{due}}{{/due}}").render(Map.of("due", "2026-03-01")))
                .isEqualTo("due 2026-03-01");
    }

    @Test
    void neitherEscapesNorInterpretsValues() {
        ReplyTemplate template = new ReplyTemplate("{{place}}");

        assertThat(template.render(Map.of("place", "<Ruwi & \"Qurum\">"))).isEqualTo("<Ruwi & \"Qurum\">");
        assertThat(template.render(Map.of("place", "{{secret}}", "secret", "leaked"))).isEqualTo("{{secret}}");
    }

    @Test
    void keepsTextWithoutTags() {
        assertThat(new ReplyTemplate("No violations. لا توجد مخالفات.").render(Map.of()))
                .isEqualTo("No violations. لا توجد مخالفات.");
        assertThat(new ReplyTemplate("").render(Map.of())).isEmpty();
    }

    @Test
    void refusesAnUnclosedSection() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyTemplate("total {{#violations}} {{amount}}"))
                .withMessage("section violations opened at position 6 is not closed with {{/violations}}");
    }

    @Test
    void refusesASectionClosedByAnother() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplyTemplate("{{#a}}{{#b}}{{/a}}{{/b}}"))
                .withMessage("{{/a}} at position 12 closes the section b opened at position 6");
    }

    @Test
    void refusesAClosingTagWithoutASection() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyTemplate("x{{/a}}"))
                .withMessage("{{/a}} at position 1 closes no section");
    }

    @Test
    void refusesATagThatIsNotClosed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyTemplate("total {{total"))
                .withMessage("tag at position 6 has no closing }}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{{}}", "{{#}}x{{/}}", "{{{total}}}", "{{to tal}}", "{{!comment}}"})
    void refusesATagWithoutAValidName(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReplyTemplate(template))
                .withMessageContaining("has no valid name");
    }
}
