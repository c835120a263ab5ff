package org.risala.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.risala.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class StaffAccountsIntegrationTests {

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String name = unique("hash");
        accounts.createUser(name, "plain-text-password", Role.USER, department());

        String stored = jdbc.sql("SELECT password_hash FROM staff_user WHERE username = :u").param("u", name)
                .query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("plain-text-password");
    }

    @Test
    void usernamesAreUniqueWhateverTheirCase() {
        String name = unique("twin");
        accounts.createUser(name, "first-twin-password", Role.USER, department());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> accounts.createUser(name.toUpperCase(), "second-twin-password", Role.USER, department()))
                .withMessageContaining("already exists");
    }

    @Test
    void departmentNamesAreUnique() {
        String name = unique("Dept");
        accounts.createDepartment(name);

        assertThatIllegalArgumentException().isThrownBy(() -> accounts.createDepartment(" " + name + " "))
                .withMessageContaining("already exists");
    }

    @Test
    void nobodyCanDisableTheirOwnAccount() {
        String name = unique("self");
        StaffUser user = accounts.createUser(name, "self-disabling-password", Role.ADMIN, department());

        assertThatIllegalArgumentException().isThrownBy(() -> accounts.setEnabled(user.id(), false, name))
                .withMessageContaining("your own account");
        assertThat(accounts.loadUserByUsername(name).isEnabled()).isTrue();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOne() {
        String name = unique("forgetful");
        accounts.createUser(name, "the-real-password", Role.USER, department());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> accounts.changePassword(name, "a-guessed-password", "a-brand-new-password"))
                .withMessageContaining("current password");
    }

    private long department() {
        return accounts.departments().get(0).id();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
