package org.risala.api.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void aSealedSecretOpensWithTheSameKeyAndNeverLooksTheSameTwice() {
        SecretBox box = new SecretBox(KEY, dataDir);
        String once = box.seal("the-callback-secret");
        String twice = box.seal("the-callback-secret");
        assertThat(once).startsWith("v1:").doesNotContain("the-callback-secret").isNotEqualTo(twice);
        assertThat(box.seal("s".repeat(40))).as("a client's 40-character secret fits api_client.callback_secret")
                .hasSizeLessThanOrEqualTo(100);
        assertThat(box.open(once)).isEqualTo("the-callback-secret");
        assertThat(box.open(twice)).isEqualTo("the-callback-secret");
    }

    @Test
    void aSecretStoredBeforeEncryptionReadsAsItIs() {
        SecretBox box = new SecretBox(KEY, dataDir);
        assertThat(box.isSealed("legacy-clear-secret")).isFalse();
        assertThat(box.open("legacy-clear-secret")).isEqualTo("legacy-clear-secret");
    }

    @Test
    void anotherKeyOrAChangedValueIsAnErrorNotAWrongSecret() {
        String sealed = new SecretBox(KEY, dataDir).seal("x".repeat(40));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatIllegalStateException().isThrownBy(() ->
                new SecretBox(Base64.getEncoder().encodeToString(other), dataDir).open(sealed));
        String changed = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatIllegalStateException().isThrownBy(() -> new SecretBox(KEY, dataDir).open(changed));
    }

    @Test
    void withoutAConfiguredKeyItCreatesOneInTheDataDirectoryForItsUserOnlyAndKeepsIt() throws Exception {
        String sealed = new SecretBox("", dataDir).seal("secret");
        Path file = dataDir.resolve("secrets.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new SecretBox("", dataDir).open(sealed)).isEqualTo("secret");
    }

    @Test
    void aConfiguredKeyOfTheWrongSizeStopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> new SecretBox("c2hvcnQ=", dataDir))
                .withMessageContaining("32 bytes");
    }
}
