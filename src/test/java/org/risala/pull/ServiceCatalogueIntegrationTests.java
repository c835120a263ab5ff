package org.risala.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.risala.pull.ServiceBuilder.connector;
import static org.risala.pull.ServiceBuilder.service;
import static org.risala.pull.ServiceBuilder.uniqueKeyword;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue on the shared database. Each test works on services of its own, answering at a test short code,
 * and deletes them afterwards: the seeded VIO, REG and VISA stay as configured for the other tests.
 */
@IntegrationTest
class ServiceCatalogueIntegrationTests {

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    ServiceStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Autowired
    ObjectProvider<ConnectorValidation> connectors;

    private final List<String> created = new ArrayList<>();

    private String keyword(String prefix) {
        String keyword = uniqueKeyword(prefix);
        created.add(keyword);
        return keyword;
    }

    @AfterEach
    void deleteTheServicesOfTheTest() {
        created.forEach(keyword -> catalogue.find(keyword).ifPresent(entry -> catalogue.delete(keyword, "test")));
    }

    private List<ChangeAction> actions(String keyword) {
        return catalogue.history(keyword).stream().map(ServiceChange::action).toList();
    }

    @Test
    void theConfiguredServicesAreSeededAndFoundByKeywordOrAliasHoweverTyped() {
        assertThat(catalogue.all()).extracting(CatalogueEntry::keyword).contains("REG", "VIO", "VISA");
        CatalogueEntry vio = catalogue.find("vio").orElseThrow();
        assertThat(vio.source()).isEqualTo(ServiceSource.CONFIGURATION);
        assertThat(vio.definition().alternatives()).isTrue();
        assertThat(catalogue.history("VIO")).last().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ChangeAction.SEEDED);
            assertThat(change.changedBy()).isEqualTo(ServiceCatalogue.CONFIGURATION);
            assertThat(change.before()).isNull();
            assertThat(change.after().keyword()).isEqualTo("VIO");
        });
        assertThat(catalogue.find("مخالفات")).contains(vio);
        assertThat(catalogue.find("تاشيره").map(CatalogueEntry::keyword)).contains("VISA");
        assertThat(catalogue.find("تأشيرة").map(CatalogueEntry::keyword)).contains("VISA");
        assertThat(catalogue.answering("تسجيل", "90085").map(ServiceDefinition::keyword)).contains("REG");
        assertThat(catalogue.answeringAt("90085")).extracting(ServiceDefinition::keyword)
                .containsSubsequence("REG", "VIO", "VISA");
    }

    @Test
    void seedingInsertsAMissingServiceAndUpdatesOneThatIsStillAsConfigured() {
        String keyword = keyword("SEED");
        ServiceDefinition first = service(keyword).build();
        ServiceDefinition changed = service(keyword).found("Now {{answer}}.", "الآن {{answer}}.").build();

        catalogue.seed(List.of(first));
        catalogue.seed(List.of(first));
        assertThat(catalogue.find(keyword).orElseThrow().version()).isEqualTo(1);

        catalogue.seed(List.of(changed));

        CatalogueEntry entry = catalogue.find(keyword).orElseThrow();
        assertThat(entry.definition()).isEqualTo(changed);
        assertThat(entry.source()).isEqualTo(ServiceSource.CONFIGURATION);
        assertThat(entry.version()).isEqualTo(2);
        assertThat(actions(keyword)).containsExactly(ChangeAction.UPDATED, ChangeAction.SEEDED);
        assertThat(catalogue.history(keyword).get(0).before()).isEqualTo(first);
    }

    @Test
    void anAdminsEditIsNeverOverwrittenByTheConfiguration() {
        String keyword = keyword("ADMN");
        catalogue.seed(List.of(service(keyword).build()));
        ServiceDefinition edited = service(keyword).found("Edited {{answer}}.", "معدل {{answer}}.").build();
        catalogue.save(edited, 1L, "admin");

        catalogue.seed(List.of(service(keyword).found("Configured {{answer}}.", "مهيأ {{answer}}.").build()));

        CatalogueEntry entry = catalogue.find(keyword).orElseThrow();
        assertThat(entry.definition()).isEqualTo(edited);
        assertThat(entry.source()).isEqualTo(ServiceSource.ADMIN);
        assertThat(entry.updatedBy()).isEqualTo("admin");
        assertThat(actions(keyword)).containsExactly(ChangeAction.UPDATED, ChangeAction.SEEDED);
    }

    @Test
    void disablingIsAnAdminsChoiceTheConfigurationDoesNotUndo() {
        String keyword = keyword("DSBL");
        catalogue.seed(List.of(service(keyword).build()));

        catalogue.setEnabled(keyword, false, "admin");
        catalogue.seed(List.of(service(keyword).build()));

        assertThat(catalogue.find(keyword).orElseThrow().enabled()).isFalse();
        assertThat(catalogue.find(keyword).orElseThrow().source()).isEqualTo(ServiceSource.ADMIN);
    }

    @Test
    void aServiceAnAdminDeletedIsNotSeededAgain() {
        String keyword = keyword("GONE");
        catalogue.seed(List.of(service(keyword).build()));
        catalogue.delete(keyword, "admin");

        catalogue.seed(List.of(service(keyword).build()));

        assertThat(catalogue.find(keyword)).isEmpty();
        assertThat(actions(keyword)).containsExactly(ChangeAction.DELETED, ChangeAction.SEEDED);
        assertThat(catalogue.history(keyword).get(0).after()).isNull();
    }

    @Test
    void anInvalidConfiguredServiceStopsTheStartWithItsProblems() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> catalogue.seed(List.of(service(keyword("BAD")).build(),
                        service("SUB").maxSegments(0).build())))
                .withMessageContaining("risala.pull.services[1].keyword: SUB is reserved")
                .withMessageContaining("risala.pull.services[1].maxSegments: must be between 1 and 10");
    }

    @Test
    void eachChangeIsRecordedWithWhoMadeItAndTheDefinitionsBeforeAndAfter() {
        String keyword = keyword("HIST");
        ServiceDefinition first = service(keyword).build();
        ServiceDefinition second = service(keyword).maxSegments(2).build();

        catalogue.save(first, 0L, "admin");
        catalogue.save(second, 1L, "api:provisioning");
        catalogue.setEnabled(keyword, false, "admin");
        catalogue.setEnabled(keyword, true, "supervisor");
        catalogue.delete(keyword, "admin");

        List<ServiceChange> history = catalogue.history(keyword);
        assertThat(history).extracting(ServiceChange::action).containsExactly(ChangeAction.DELETED,
                ChangeAction.ENABLED, ChangeAction.DISABLED, ChangeAction.UPDATED, ChangeAction.CREATED);
        assertThat(history).extracting(ServiceChange::changedBy)
                .containsExactly("admin", "supervisor", "admin", "api:provisioning", "admin");
        assertThat(history.get(3).before()).isEqualTo(first);
        assertThat(history.get(3).after()).isEqualTo(second);
        assertThat(history.get(2).after().enabled()).isFalse();
        assertThat(history.get(4).before()).isNull();
        assertThat(history.get(0).before()).isEqualTo(second);
    }

    @Test
    void anEditOfAVersionThatIsNoLongerCurrentIsAConflictAndChangesNothing() {
        String keyword = keyword("VERS");
        catalogue.save(service(keyword).build(), 0L, "admin");
        catalogue.save(service(keyword).maxSegments(2).build(), 1L, "alice");

        assertThatExceptionOfType(ServiceConflict.class)
                .isThrownBy(() -> catalogue.save(service(keyword).maxSegments(4).build(), 1L, "bob"))
                .withMessageContaining("changed by alice").withMessageContaining("version 2");
        assertThatExceptionOfType(ServiceConflict.class)
                .isThrownBy(() -> catalogue.save(service(keyword).build(), 0L, "bob"))
                .withMessageContaining("exists already");
        assertThat(catalogue.find(keyword).orElseThrow().definition().maxSegments()).isEqualTo(2);
        assertThat(catalogue.history(keyword)).hasSize(2);
    }

    @Test
    void aRejectedDefinitionNamesEveryProblemAndChangesNothing() {
        String keyword = keyword("REJ");
        assertThatExceptionOfType(ServiceRejected.class)
                .isThrownBy(() -> catalogue.save(service(keyword).aliases("مخالفات").maxSegments(12).build(), "admin"))
                .satisfies(e -> assertThat(e.problems()).containsExactly(
                        "aliases[0]: مخالفات is already used by the service VIO",
                        "maxSegments: must be between 1 and 10"));
        assertThat(catalogue.find(keyword)).isEmpty();
        assertThat(catalogue.history(keyword)).isEmpty();
    }

    @Test
    void theProblemsOfADefinitionAreToldWithoutSavingIt() {
        String keyword = keyword("PROB");
        catalogue.save(service(keyword).connector(connector(ConnectorType.HTTP, "http://traffic/{number}",
                Map.of("X-Api-Key", "k-123"))).build(), "admin");
        ServiceDefinition shown = SecretHeaders.masked(catalogue.find(keyword).orElseThrow().definition());

        assertThat(catalogue.problems(shown)).as("the masked header has its stored value").isEmpty();
        assertThat(catalogue.problems(service(keyword).aliases("تسجيل").build()))
                .containsExactly("aliases[0]: تسجيل is already used by the service REG");
        assertThat(catalogue.history(keyword)).hasSize(1);
    }

    @Test
    void savingWhatIsStoredChangesNothing() {
        String keyword = keyword("SAME");
        CatalogueEntry saved = catalogue.save(service(keyword.toLowerCase()).build(), "admin");

        CatalogueEntry again = catalogue.save(service(keyword).build(), 1L, "someone-else");

        assertThat(saved.keyword()).as("stored in canonical form").isEqualTo(keyword);
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.updatedBy()).isEqualTo("admin");
        assertThat(catalogue.history(keyword)).hasSize(1);
    }

    @Test
    void theSnapshotChangesAtOnceOnTheNodeThatMadeTheChange() {
        String keyword = keyword("SNAP");
        catalogue.save(service(keyword).build(), "admin");
        assertThat(catalogue.answering(keyword, ServiceBuilder.TEST_SHORT_CODE)).isPresent();
        assertThat(catalogue.answering(keyword, "90085")).as("only at its short code").isEmpty();

        catalogue.setEnabled(keyword, false, "admin");
        assertThat(catalogue.answering(keyword, ServiceBuilder.TEST_SHORT_CODE)).isEmpty();
        assertThat(catalogue.find(keyword).map(CatalogueEntry::enabled)).contains(false);

        catalogue.delete(keyword, "admin");
        assertThat(catalogue.find(keyword)).isEmpty();
    }

    @Test
    void aChangeMadeOnAnotherNodeReachesThisOneWithinTheRefreshInterval() {
        String keyword = keyword("NODE");
        ServiceCatalogue otherNode = new ServiceCatalogue(store, tx, clock, connectors);

        otherNode.save(service(keyword).build(), 0L, "admin");
        await().atMost(Duration.ofSeconds(5)).until(() -> catalogue.find(keyword).isPresent());

        otherNode.setEnabled(keyword, false, "admin");
        await().atMost(Duration.ofSeconds(5)).until(() -> !catalogue.find(keyword).orElseThrow().enabled());

        otherNode.delete(keyword, "admin");
        await().atMost(Duration.ofSeconds(5)).until(() -> catalogue.find(keyword).isEmpty());
    }

    @Test
    void aMaskedHeaderSavedBackKeepsItsStoredValue() {
        String keyword = keyword("MASK");
        catalogue.save(service(keyword).connector(connector(ConnectorType.HTTP, "http://traffic/{number}",
                Map.of("X-Api-Key", "k-123", "Authorization", "Bearer ${TRAFFIC_TOKEN}"))).build(), "admin");
        ServiceDefinition shown = SecretHeaders.masked(catalogue.find(keyword).orElseThrow().definition());
        assertThat(shown.connector().headers()).containsEntry("X-Api-Key", SecretHeaders.MASK)
                .containsEntry("Authorization", "Bearer ${TRAFFIC_TOKEN}");

        catalogue.save(Definitions.withEnabled(shown, false), 1L, "admin");

        CatalogueEntry entry = catalogue.find(keyword).orElseThrow();
        assertThat(entry.enabled()).isFalse();
        assertThat(entry.definition().connector().headers()).containsEntry("X-Api-Key", "k-123");
        assertThat(catalogue.history(keyword).get(0).after().connector().headers()).containsEntry("X-Api-Key", "k-123");
    }
}
