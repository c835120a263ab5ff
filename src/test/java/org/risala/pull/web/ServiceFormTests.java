package org.risala.pull.web;

import org.risala.records.Normalisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.risala.pull.ArgumentDefinition;
import org.risala.pull.Bilingual;
import org.risala.pull.CatalogueEntry;
import org.risala.pull.ChangeAction;
import org.risala.pull.ConnectorType;
import org.risala.pull.SecretHeaders;
import org.risala.pull.ServiceChange;
import org.risala.pull.ServiceDefinition;
import org.risala.pull.ServiceSource;

class ServiceFormTests {

    private static final ServiceDefinition VIO = service("VIO").aliases("مخالفات", "VIOL").shortCodes("90085", "90086")
            .alternatives(true).maxSegments(2)
            .arguments(new ArgumentDefinition("plate", Normalisations.PLATE, ".+",
                            new Bilingual("a plate", "لوحة")),
                    new ArgumentDefinition("civilId", Normalisations.CIVIL_ID, "[0-9]+",
                            new Bilingual("a civil ID", "رقم مدني")))
            .connector(connector(ConnectorType.HTTP, "http://traffic/v?plate={plate}",
                    Map.of("X-Api-Key", "k-1", "Authorization", "Bearer ${TOKEN}")))
            .found("Line one\nline two: {{answer}}", "سطر {{answer}}")
            .build();

    private static CatalogueEntry entry(ServiceDefinition definition) {
        return new CatalogueEntry(definition, ServiceSource.ADMIN, 4, Instant.now(), "admin");
    }

    @Test
    void aServiceShownInTheFormReadsBackAsItIsShownWithItsSecretsMasked() {
        ServiceForm form = ServiceForm.of(entry(VIO));
        Map<String, String> errors = new LinkedHashMap<>();

        assertThat(form.headers()).isEqualTo("Authorization: Bearer ${TOKEN}\nX-Api-Key: ****");
        assertThat(form.timeout()).isEqualTo("2s");
        assertThat(form.version()).isEqualTo("4");
        assertThat(form.definition(errors)).isEqualTo(SecretHeaders.masked(VIO));
        assertThat(errors).isEmpty();
    }

    @Test
    void emptyArgumentRowsAreDroppedAndOneIsOfferedToAddAnother() {
        ServiceForm form = withArguments(ServiceForm.of(entry(VIO)), List.of(ServiceForm.ArgumentRow.EMPTY,
                new ServiceForm.ArgumentRow("number", "DIGITS", "", "a number", "رقم"), ServiceForm.ArgumentRow.EMPTY));

        assertThat(form.definition(new LinkedHashMap<>()).arguments()).extracting(ArgumentDefinition::name)
                .containsExactly("number");
        assertThat(form.rows()).extracting(ServiceForm.ArgumentRow::name).containsExactly("number", "");
    }

    @Test
    void whatDoesNotReadIsAnErrorOfItsFieldAndTextareasLoseTheirCarriageReturns() {
        ServiceForm typed = ServiceForm.of(entry(VIO));
        ServiceForm form = new ServiceForm(typed.original(), typed.version(), typed.keyword(), "مخالفات، VIOL ,",
                typed.shortCodes(), typed.helpEn(), typed.helpAr(), "three", true, true, "HTTP", "GET", typed.url(),
                "no colon here", null, typed.variables(), "404, gone", null, null, null, null, "soon", "", "x",
                typed.arguments(), "a\r\nb", typed.foundAr(), typed.notFoundEn(), typed.notFoundAr(),
                typed.invalidEn(), typed.invalidAr(), typed.unavailableEn(), typed.unavailableAr());
        Map<String, String> errors = new LinkedHashMap<>();

        ServiceDefinition read = form.definition(errors);

        assertThat(errors).containsOnlyKeys("connector.headers", "connector.notFoundStatuses", "connector.timeout",
                "connector.maxConcurrent", "maxSegments");
        assertThat(read.aliases()).containsExactly("مخالفات", "VIOL");
        assertThat(read.replies().found().en()).isEqualTo("a\nb");
    }

    @Test
    void theHistoryNamesTheFieldsAnUpdateChanged() {
        ServiceDefinition after = service("VIO").aliases("مخالفات", "VIOL").shortCodes("90085", "90086")
                .alternatives(true).maxSegments(3).arguments(VIO.arguments().toArray(ArgumentDefinition[]::new))
                .connector(VIO.connector()).found("Line one\nline two: {{answer}}", "سطر آخر {{answer}}").build();

        assertThat(ServicesPage.changedFields(new ServiceChange(1, "VIO", ChangeAction.UPDATED, VIO, after, "admin",
                Instant.now()))).containsExactly("maxSegments", "replies.found.ar");
        assertThat(ServicesPage.changedFields(new ServiceChange(1, "VIO", ChangeAction.CREATED, null, after, "admin",
                Instant.now()))).isEmpty();
    }

    private static ServiceForm withArguments(ServiceForm f, List<ServiceForm.ArgumentRow> rows) {
        return new ServiceForm(f.original(), f.version(), f.keyword(), f.aliases(), f.shortCodes(), f.helpEn(),
                f.helpAr(), f.maxSegments(), f.enabled(), f.alternatives(), f.connectorType(), f.method(), f.url(),
                f.headers(), f.body(), f.variables(), f.notFoundStatuses(), f.foundWhen(), f.dataSource(), f.query(),
                f.values(), f.timeout(), f.retry(), f.maxConcurrent(), rows, f.foundEn(), f.foundAr(), f.notFoundEn(),
                f.notFoundAr(), f.invalidEn(), f.invalidAr(), f.unavailableEn(), f.unavailableAr());
    }
}
