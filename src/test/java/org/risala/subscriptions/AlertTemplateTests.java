package org.risala.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AlertTemplateTests {

    @Test
    void placeholdersAreFilledFromTheValues() {
        AlertTemplate t = AlertTemplate.parse("New traffic violation on {{key}}: {{amount}} at {{place}}.");
        assertThat(t.fill(Map.of("key", "12345AB", "amount", "15.000 OMR", "place", "Muscat Expressway")))
                .isEqualTo("New traffic violation on 12345AB: 15.000 OMR at Muscat Expressway.");
    }

    @Test
    void arabicTextAroundPlaceholdersIsKept() {
        assertThat(AlertTemplate.parse("طلب التأشيرة {{key}}: {{statusAr}}.")
                .fill(Map.of("key", "V2026000123", "statusAr", "تمت الموافقة")))
                .isEqualTo("طلب التأشيرة V2026000123: تمت الموافقة.");
    }

    @Test
    void aMissingValueBecomesEmptyAndAValueIsNotReadAsATemplate() {
        assertThat(AlertTemplate.parse("{{a}}-{{b}}").fill(Map.of("a", "{{b}}"))).isEqualTo("{{b}}-");
    }

    @Test
    void aTemplateWithoutPlaceholdersIsItself() {
        assertThat(AlertTemplate.parse("Hello.").fill(Map.of())).isEqualTo("Hello.");
    }

    @Test
    void bracesThatAreNotAPlaceholderAreRefused() {
        assertThatThrownBy(() -> AlertTemplate.parse("on {{ key }}")).hasMessageContaining("{{name}}");
        assertThatThrownBy(() -> AlertTemplate.parse("on {{key}")).hasMessageContaining("{{name}}");
        assertThatThrownBy(() -> AlertTemplate.parse("{{#list}}x{{/list}}")).hasMessageContaining("{{name}}");
        assertThatThrownBy(() -> AlertTemplate.parse(" ")).hasMessageContaining("empty");
    }
}
