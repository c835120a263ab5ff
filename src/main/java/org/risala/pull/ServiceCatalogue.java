package org.risala.pull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.risala.inbound.spi.CommandParser;
import org.risala.pull.ServiceStore.Fingerprint;
import org.risala.pull.ServiceStore.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pull services: an immutable snapshot of every service, enabled or not, looked up by keyword or alias in the
 * form of {@link CommandParser#canonicalKeyword}, and the changes ADMINs make to them. Each change is one
 * transaction (the row and its history entry) checked against the version the editor saw; the snapshot is rebuilt
 * at once on this node, and within {@code risala.pull.refresh-interval} on the others, which poll the history.
 * <p>
 * Changes throw {@link ServiceRejected} (with every problem), {@link ServiceConflict} or {@link UnknownService}.
 */
@Component
public class ServiceCatalogue {

    /** who made the changes that come from {@code risala.pull.services} */
    public static final String CONFIGURATION = "configuration";

    /** the largest definition stored, as JSON: the column's size */
    static final int MAX_JSON_LENGTH = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalogue.class);

    private final ServiceStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ServiceValidator validator;
    private final Object reloading = new Object();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), new Fingerprint(-1, -1));

    ServiceCatalogue(ServiceStore store, TransactionTemplate tx, Clock clock,
                     ObjectProvider<ConnectorValidation> connectors) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.validator = new ServiceValidator(connectors.getIfAvailable(() -> connector -> List.of()));
    }

    /** the form keywords are stored and compared in, that of {@link CommandParser#canonicalKeyword} */
    public static String canonicalKeyword(String written) {
        return written == null ? "" : CommandParser.canonicalKeyword(written);
    }

    /** every service, enabled or not, by keyword */
    public List<CatalogueEntry> all() {
        return snapshot.entries();
    }

    /** the service with this keyword or alias, however it is typed ({@code vio}, {@code مخالفات}) */
    public Optional<CatalogueEntry> find(String keywordOrAlias) {
        return Optional.ofNullable(snapshot.byName().get(canonicalKeyword(keywordOrAlias)));
    }

    /** the enabled service that answers this keyword or alias at this short code */
    public Optional<ServiceDefinition> answering(String keywordOrAlias, String shortCode) {
        return find(keywordOrAlias).map(CatalogueEntry::definition)
                .filter(service -> service.enabled() && answersAt(service, shortCode));
    }

    /** the enabled services that answer at this short code, by keyword, e.g. for HELP */
    public List<ServiceDefinition> answeringAt(String shortCode) {
        return snapshot.entries().stream().map(CatalogueEntry::definition)
                .filter(service -> service.enabled() && answersAt(service, shortCode)).toList();
    }

    /**
     * What {@link #save} would refuse in this definition, without saving it: each problem {@code field: reason}.
     * A masked header counts with its stored value.
     */
    public List<String> problems(ServiceDefinition definition) {
        String keyword = keywordOf(definition);
        ServiceDefinition stored = keyword == null ? null : store.find(keyword).map(ServiceCatalogue::stored)
                .orElse(null);
        return validator.problems(SecretHeaders.unmasked(definition, stored), namesOfOthers(keyword));
    }

    /** {@link #save(ServiceDefinition, Long, String)} without a version: the last edit wins */
    public CatalogueEntry save(ServiceDefinition definition, String changedBy) {
        return save(definition, null, changedBy);
    }

    /**
     * Creates or replaces the service with the definition's keyword. A header given as {@link SecretHeaders#MASK}
     * keeps its stored value. Saving what is stored already changes nothing.
     *
     * @param expectedVersion the version the edit was made on; 0 to create a service that must not exist yet;
     *                        null to create or replace whatever is stored
     * @param changedBy       the staff username or {@code api:<client>} for the history
     */
    public CatalogueEntry save(ServiceDefinition definition, Long expectedVersion, String changedBy) {
        String keyword = keywordOf(definition);
        Instant now = clock.instant();
        CatalogueEntry saved;
        try {
            saved = tx.execute(s -> {
                Optional<Row> current = keyword == null ? Optional.empty() : store.lock(keyword);
                if (keyword != null) {
                    checkVersion(keyword, current, expectedVersion);
                }
                ServiceDefinition stored = current.map(ServiceCatalogue::stored).orElse(null);
                ServiceDefinition edited = SecretHeaders.unmasked(definition, stored);
                List<String> problems = validator.problems(edited, namesOfOthers(keyword));
                String json = ServiceJson.write(Definitions.canonical(edited));
                if (json.length() > MAX_JSON_LENGTH) {
                    problems.add("definition: is longer than " + MAX_JSON_LENGTH + " characters as JSON");
                }
                if (!problems.isEmpty()) {
                    throw new ServiceRejected(problems);
                }
                // compared as stored, so that what the JSON form leaves out (an empty text) is no change
                ServiceDefinition saving = ServiceJson.readStored(json);
                if (saving.equals(stored)) {
                    return entry(current.get());
                }
                Row row = new Row(keyword, json, ServiceSource.ADMIN, current.map(r -> r.version() + 1).orElse(1L),
                        now, changedBy);
                write(row, current, current.isEmpty() ? ChangeAction.CREATED : ChangeAction.UPDATED);
                return new CatalogueEntry(saving, row.source(), row.version(), now, changedBy);
            });
        } catch (DuplicateKeyException e) {
            throw new ServiceConflict(keyword + " was created by someone else meanwhile; reload it and edit it");
        }
        reload();
        return saved;
    }

    /** an ADMIN's choice, so configuration no longer overwrites the service */
    public CatalogueEntry setEnabled(String keyword, boolean enabled, String changedBy) {
        Instant now = clock.instant();
        CatalogueEntry changed = tx.execute(s -> {
            Row current = store.lock(canonicalKeyword(keyword)).orElseThrow(() -> new UnknownService(keyword));
            ServiceDefinition stored = stored(current);
            if (stored.enabled() == enabled) {
                return entry(current);
            }
            ServiceDefinition definition = Definitions.withEnabled(stored, enabled);
            Row row = new Row(current.keyword(), ServiceJson.write(definition), ServiceSource.ADMIN,
                    current.version() + 1, now, changedBy);
            write(row, Optional.of(current), enabled ? ChangeAction.ENABLED : ChangeAction.DISABLED);
            return new CatalogueEntry(definition, row.source(), row.version(), now, changedBy);
        });
        reload();
        return changed;
    }

    /** the history keeps the definition, and configuration does not bring the service back at the next start */
    public void delete(String keyword, String changedBy) {
        tx.executeWithoutResult(s -> {
            Row current = store.lock(canonicalKeyword(keyword)).orElseThrow(() -> new UnknownService(keyword));
            store.delete(current.keyword());
            store.recordChange(current.keyword(), ChangeAction.DELETED, current.definition(), null, changedBy,
                    clock.instant());
        });
        reload();
    }

    /** newest first; also of a deleted service */
    public List<ServiceChange> history(String keyword) {
        return store.history(canonicalKeyword(keyword)).stream().map(change -> new ServiceChange(change.id(),
                change.keyword(), change.action(), definition(change.before()), definition(change.after()),
                change.changedBy(), change.changedAt())).toList();
    }

    /**
     * Brings the database in step with the configured services: a missing one is inserted, one still as configured
     * before is updated; one an ADMIN changed or deleted is left alone. Several nodes may start at once.
     *
     * @throws IllegalStateException when a configured service is not valid, naming its problems
     */
    void seed(List<ServiceDefinition> configured) {
        List<String> problems = new ArrayList<>();
        List<ServiceDefinition> earlier = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            String prefix = "risala.pull.services[" + i + "].";
            validator.problems(configured.get(i), ServiceValidator.names(earlier))
                    .forEach(problem -> problems.add(prefix + problem));
            earlier.add(configured.get(i));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the configured pull services are not valid: " + problems);
        }
        for (ServiceDefinition service : configured) {
            // compared as stored, so that what the JSON form leaves out (an empty text) is no change
            ServiceDefinition definition = ServiceJson.readStored(ServiceJson.write(Definitions.canonical(service)));
            try {
                tx.executeWithoutResult(s -> seed(definition));
            } catch (DuplicateKeyException e) {
                log.debug("pull service {} was seeded by another node at the same moment", definition.keyword());
            }
        }
        reload();
    }

    private void seed(ServiceDefinition configured) {
        String keyword = configured.keyword();
        Optional<Row> current = store.lock(keyword);
        if (current.isPresent() && current.get().source() == ServiceSource.ADMIN) {
            if (!stored(current.get()).equals(configured)) {
                log.warn("pull service {} was changed by {} at {}: its configured definition is ignored", keyword,
                        current.get().updatedBy(), current.get().updatedAt());
            }
            return;
        }
        if (current.isPresent() && stored(current.get()).equals(configured)) {
            return;
        }
        if (current.isEmpty() && store.lastChange(keyword).filter(ChangeAction.DELETED::equals).isPresent()) {
            log.info("pull service {} was deleted by an ADMIN: it is not seeded again from the configuration",
                    keyword);
            return;
        }
        List<String> problems = validator.problems(configured, namesOfOthers(keyword));
        if (!problems.isEmpty()) {
            // valid on its own (checked before), so it clashes with a service an ADMIN created
            log.error("configured pull service {} is not seeded: {}", keyword, problems);
            return;
        }
        Row row = new Row(keyword, ServiceJson.write(configured), ServiceSource.CONFIGURATION,
                current.map(r -> r.version() + 1).orElse(1L), clock.instant(), CONFIGURATION);
        write(row, current, current.isEmpty() ? ChangeAction.SEEDED : ChangeAction.UPDATED);
        log.info("pull service {} {} from the configuration", keyword, current.isEmpty() ? "seeded" : "updated");
    }

    /** reloads the snapshot when another node changed a service since it was taken */
    void refresh() {
        try {
            if (!store.fingerprint().equals(snapshot.fingerprint())) {
                reload();
            }
        } catch (DataAccessException e) {
            log.warn("pull services not refreshed, the last ones loaded stay in use: {}", e.getMessage());
        }
    }

    private void reload() {
        // one at a time, each reading the database afresh, so that an older read never replaces a newer snapshot
        synchronized (reloading) {
            Fingerprint fingerprint = store.fingerprint();
            List<CatalogueEntry> entries = new ArrayList<>();
            for (Row row : store.all()) {
                try {
                    entries.add(entry(row));
                } catch (RuntimeException e) {
                    log.error("pull service {} is left out: its stored definition does not read: {}", row.keyword(),
                            e.getMessage());
                }
            }
            snapshot = Snapshot.of(entries, fingerprint);
        }
    }

    private void write(Row row, Optional<Row> current, ChangeAction action) {
        if (current.isEmpty()) {
            store.insert(row);
        } else if (!store.update(row, current.get().version())) {
            throw new ServiceConflict(row.keyword() + " changed while it was being saved; reload it and try again");
        }
        store.recordChange(row.keyword(), action, current.map(Row::definition).orElse(null), row.definition(),
                row.updatedBy(), row.updatedAt());
    }

    private static void checkVersion(String keyword, Optional<Row> current, Long expected) {
        if (expected == null) {
            return;
        }
        if (expected == 0 && current.isPresent()) {
            throw new ServiceConflict("a service " + keyword + " exists already");
        }
        if (expected != 0 && current.isEmpty()) {
            throw new ServiceConflict(keyword + " was deleted meanwhile");
        }
        if (expected != 0 && current.get().version() != expected) {
            throw new ServiceConflict(keyword + " was changed by " + current.get().updatedBy() + " at "
                    + current.get().updatedAt() + " (version " + current.get().version() + "; this edit was made on"
                    + " version " + expected + "); reload it and make the change again");
        }
    }

    /** read in the transaction, not from the snapshot, so that a name another node just took counts */
    private Map<String, String> namesOfOthers(String keyword) {
        List<ServiceDefinition> others = new ArrayList<>();
        for (Row row : store.all()) {
            if (!row.keyword().equals(keyword)) {
                others.add(stored(row));
            }
        }
        return ServiceValidator.names(others);
    }

    private static String keywordOf(ServiceDefinition definition) {
        return definition.keyword() == null || definition.keyword().isBlank() ? null
                : canonicalKeyword(definition.keyword());
    }

    private static ServiceDefinition stored(Row row) {
        return ServiceJson.readStored(row.definition());
    }

    private static CatalogueEntry entry(Row row) {
        return new CatalogueEntry(stored(row), row.source(), row.version(), row.updatedAt(), row.updatedBy());
    }

    private static ServiceDefinition definition(String json) {
        return json == null ? null : ServiceJson.readStored(json);
    }

    private static boolean answersAt(ServiceDefinition service, String shortCode) {
        return service.shortCodes().isEmpty() || service.shortCodes().contains(shortCode);
    }

    private record Snapshot(List<CatalogueEntry> entries, Map<String, CatalogueEntry> byName,
                            Fingerprint fingerprint) {

        static Snapshot of(List<CatalogueEntry> entries, Fingerprint fingerprint) {
            Map<String, CatalogueEntry> byName = new HashMap<>();
            for (CatalogueEntry entry : entries) {
                byName.put(entry.keyword(), entry);
                entry.definition().aliases().forEach(alias -> byName.put(CommandParser.canonicalKeyword(alias), entry));
            }
            return new Snapshot(List.copyOf(entries), Map.copyOf(byName), fingerprint);
        }
    }
}
