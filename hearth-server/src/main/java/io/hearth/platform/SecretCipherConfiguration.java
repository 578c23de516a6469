package io.hearth.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that seals stored secrets: {@code HEARTH_SECRET_KEY} when set, else a key generated once and
 * kept beside the embedded database in {@code <dataDir>/secret.key} (readable by its owner only).
 */
@Configuration(proxyBeanMethods = false)
class SecretCipherConfiguration {

    static final String KEY_FILE = "secret.key";
    private static final Logger log = LoggerFactory.getLogger(SecretCipherConfiguration.class);

    @Bean
    AesGcmSecretCipher secretCipher(SecretSettings settings, DatabaseSettings database) {
        byte[] current = settings.key() == null || settings.key().isBlank()
                ? keyFile(database)
                : decode(settings.key(), "hearth.secret.key");
        List<byte[]> previous = settings.previous().stream()
                .filter(key -> !key.isBlank())
                .map(key -> decode(key, "hearth.secret.previous"))
                .toList();
        AesGcmSecretCipher cipher = new AesGcmSecretCipher(current, previous);
        log.info("stored secrets are sealed with key {} ({} previous)", cipher.currentKeyId(), previous.size());
        return cipher;
    }

    /** The generated key; replicas on one external database must share it, so they should set HEARTH_SECRET_KEY. */
    private static byte[] keyFile(DatabaseSettings database) {
        Path file = database.dataDir().resolve(KEY_FILE);
        if (!database.embedded()) {
            log.warn(
                    "HEARTH_SECRET_KEY is not set: using {}; every replica must use the same key",
                    file.toAbsolutePath());
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[AesGcmSecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return; // another process on the same data made it first; use theirs
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.info("generated a secret key in {}; back it up with the data", file.toAbsolutePath());
    }

    private static byte[] decode(String key, String where) {
        try {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != AesGcmSecretCipher.KEY_BYTES) {
                throw new IllegalStateException(where + " must be base64 of 32 bytes (openssl rand -base64 32)");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64 (openssl rand -base64 32)", e);
        }
    }
}
