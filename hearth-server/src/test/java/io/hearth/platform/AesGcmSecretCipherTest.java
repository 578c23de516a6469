package io.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.shared.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AesGcmSecretCipherTest {

    private final byte[] key = randomKey();
    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(key, List.of());

    @Test
    void aSealedSecretOpensToItsPlaintextAndNeverContainsIt() {
        String sealed = cipher.seal("app-password-1", "support_mailbox.password:t1");

        assertThat(sealed).startsWith("hs1:" + cipher.currentKeyId() + ":").doesNotContain("app-password-1");
        assertThat(cipher.open(sealed, "support_mailbox.password:t1")).isEqualTo("app-password-1");
        assertThat(cipher.seal("app-password-1", "support_mailbox.password:t1")).isNotEqualTo(sealed);
    }

    @Test
    void aValueOfAnotherContextAnAlteredValueOrAnUnknownKeyDoesNotOpen() {
        String sealed = cipher.seal("app-password-1", "support_mailbox.password:t1");
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        AesGcmSecretCipher otherKey = new AesGcmSecretCipher(randomKey(), List.of());

        assertThatThrownBy(() -> cipher.open(sealed, "support_mailbox.password:t2"))
                .isInstanceOf(SecretCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.open(altered, "support_mailbox.password:t1"))
                .isInstanceOf(SecretCipher.Unreadable.class);
        assertThatThrownBy(() -> otherKey.open(sealed, "support_mailbox.password:t1"))
                .isInstanceOf(SecretCipher.Unreadable.class)
                .hasMessageContaining("not configured");
        assertThatThrownBy(() -> cipher.open("plain text", "c")).isInstanceOf(SecretCipher.Unreadable.class);
    }

    @Test
    void afterARotationValuesOfThePreviousKeyStillOpenAndAreKnownAsOlder() {
        String before = cipher.seal("secret", "c");
        AesGcmSecretCipher rotated = new AesGcmSecretCipher(randomKey(), List.of(key));

        assertThat(rotated.open(before, "c")).isEqualTo("secret");
        assertThat(rotated.sealedWithOlderKey(before)).isTrue();
        assertThat(rotated.sealedWithOlderKey(rotated.seal("secret", "c"))).isFalse();
        assertThat(rotated.currentKeyId()).isNotEqualTo(cipher.currentKeyId());
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceUnderTheDataDirReadableByItsOwnerOnly(@TempDir Path dataDir)
            throws Exception {
        SecretCipherConfiguration configuration = new SecretCipherConfiguration();
        DatabaseSettings database =
                new DatabaseSettings(dataDir, null, "postgres", "", "hearth_app", "", 0, 16, false, true);
        SecretSettings none = new SecretSettings(null, List.of());

        AesGcmSecretCipher first = configuration.secretCipher(none, database);
        String sealed = first.seal("secret", "c");
        AesGcmSecretCipher afterRestart = configuration.secretCipher(none, database);

        assertThat(afterRestart.open(sealed, "c")).isEqualTo("secret");
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secret.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String configured = Base64.getEncoder().encodeToString(randomKey());
        assertThat(configuration
                        .secretCipher(new SecretSettings(configured, List.of()), database)
                        .currentKeyId())
                .isNotEqualTo(first.currentKeyId());
        assertThatThrownBy(() -> configuration.secretCipher(new SecretSettings("c2hvcnQ=", List.of()), database))
                .hasMessageContaining("32 bytes");
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
