package org.risala.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StaffAccountsTests {

    @Test
    void aPasswordNeedsTwelveCharacters() {
        assertThatIllegalArgumentException().isThrownBy(() -> StaffAccounts.checkPassword("elevenchars"))
                .withMessageContaining("at least 12");
        assertThatCode(() -> StaffAccounts.checkPassword("twelve-chars")).doesNotThrowAnyException();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCut() {
        // 37 Arabic letters are 74 bytes in UTF-8: bcrypt would ignore the last ones
        assertThatIllegalArgumentException().isThrownBy(() -> StaffAccounts.checkPassword("ب".repeat(37)))
                .withMessageContaining("72 bytes");
        assertThatCode(() -> StaffAccounts.checkPassword("ب".repeat(36))).doesNotThrowAnyException();
    }

    @Test
    void generatedAdminPasswordsAreTwentyUnambiguousCharactersAndDifferEachTime() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(null, null, null, new PlatformProperties(null, null));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String password = bootstrap.generatePassword();
            assertThat(password).hasSize(20).doesNotContainPattern("[0O1lI]").matches("[A-Za-z0-9]+");
            seen.add(password);
        }
        assertThat(seen).hasSize(50);
    }
}
