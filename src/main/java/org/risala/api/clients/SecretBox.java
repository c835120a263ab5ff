package org.risala.api.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets Risala must be able to read back (a client's callback signing secret cannot be hashed: it
 * signs) with AES-256-GCM under a key kept outside the database: {@code risala.api.secrets-key} (env
 * {@code RISALA_SECRETS_KEY}, 32 bytes in Base64), or else a key file created in the data directory. A value stored
 * before encryption existed reads as it is.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(@Value("${risala.api.secrets-key:}") String configuredKey, @Value("${risala.data-dir}") Path dataDir) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(dataDir.resolve("secrets.key")) : decode(configuredKey),
                "AES");
    }

    String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException when the value was sealed with another key (or changed) */
    String open(String stored) {
        if (!stored.startsWith(VERSION)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with risala.api.secrets-key: was it "
                    + "sealed with another key?", e);
        }
    }

    boolean isSealed(String stored) {
        return stored.startsWith(VERSION);
    }

    private static byte[] decode(String configured) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("risala.api.secrets-key must be 32 bytes in Base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("risala.api.secrets-key must be 32 bytes in Base64, it is " + key.length);
        }
        return key;
    }

    /** the embedded default: a key of this installation's own, readable by its user only */
    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's protection has to do
            }
            log.warn("created {} to encrypt callback secrets; with several nodes, or the database elsewhere, set "
                    + "RISALA_SECRETS_KEY (32 random bytes in Base64) on every node instead", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }
}
