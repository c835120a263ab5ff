package org.risala.platform;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start (no user at all) creates the department "Administration" and the user {@code admin}, so
 * that someone can sign in and create the real accounts.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    static final String USERNAME = "admin";
    static final String DEPARTMENT = "Administration";
    static final int GENERATED_LENGTH = 20;
    /** no look-alikes (0/O, 1/l/I), so the password can be read off a console and typed */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final StaffRepository repository;
    private final StaffAccounts accounts;
    private final TransactionTemplate tx;
    private final PlatformProperties properties;
    private final SecureRandom random = new SecureRandom();

    BootstrapAdmin(StaffRepository repository, StaffAccounts accounts, TransactionTemplate tx,
                   PlatformProperties properties) {
        this.repository = repository;
        this.accounts = accounts;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.anyUser()) {
            return;
        }
        boolean generated = properties.bootstrapAdminPassword().isEmpty();
        String password = generated ? generatePassword() : properties.bootstrapAdminPassword();
        try {
            tx.executeWithoutResult(s -> {
                long department = repository.department(DEPARTMENT).map(Department::id)
                        .orElseGet(() -> repository.insertDepartment(DEPARTMENT));
                accounts.createUser(USERNAME, password, Role.ADMIN, department);
            });
        } catch (DuplicateKeyException | IllegalArgumentException e) {
            if (repository.anyUser()) {
                // another node of the cluster created it at the same moment
                return;
            }
            throw new IllegalStateException("cannot create the first admin user: " + e.getMessage()
                    + " (check risala.platform.bootstrap-admin-password)", e);
        }
        if (generated) {
            String line = "Initial admin password: " + password + "; change it after signing in";
            String border = "*".repeat(line.length() + 4);
            log.warn("\n{}\n* {} *\n{}", border, line, border);
        } else {
            log.warn("Created the user '{}' with the password from risala.platform.bootstrap-admin-password; "
                    + "change it after signing in", USERNAME);
        }
    }

    String generatePassword() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
