package se.susam.inloggning.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider's signing keys (RS256, RSA 2048, as the Swedish OIDC profile requires at least), in
 * the database so every node signs with the same key and publishes the same set. Rotation follows
 * OpenID Connect Core §10.1.1: a new key is published {@code activation-delay} before it signs, and a
 * replaced key stays published for {@code retention} so tokens it signed still verify. Private keys
 * are stored sealed with AES-256-GCM and never logged; logs name keys by {@code kid} only.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int GCM_IV_BYTES = 12;

    /** A stored key, its private part still sealed. */
    private record StoredKey(String kid, long generation, Instant createdAt, String sealed) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OidcProperties.SigningKeys policy;
    private final SecretKeySpec sealingKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, RSAKey> opened = new ConcurrentHashMap<>();

    SigningKeys(JdbcClient jdbc, Clock clock, OidcProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = properties.signingKeys();
        this.sealingKey = new SecretKeySpec(sha256(properties.keyEncryptionKeyBytes()), "AES");
    }

    /** Every published key (what {@code /oauth2/jwks} serves), matched against {@code selector}. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new com.nimbusds.jose.jwk.JWKSet(new ArrayList<>(published())));
    }

    /** The key that signs now: the newest one that has been published for {@code activation-delay}. */
    String currentKid() {
        List<StoredKey> keys = rotatedKeys();
        return signing(keys, clock.instant()).kid();
    }

    private List<RSAKey> published() {
        Instant now = clock.instant();
        List<StoredKey> keys = rotatedKeys();
        List<RSAKey> result = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Instant replacedAt = i + 1 < keys.size() ? activeFrom(keys.get(i + 1), keys) : null;
            if (replacedAt == null || now.isBefore(replacedAt.plus(policy.retention()))) {
                result.add(open(keys.get(i)));
            }
        }
        return result;
    }

    /** Keys oldest first, after making a new one if the newest is due for rotation. */
    private List<StoredKey> rotatedKeys() {
        List<StoredKey> keys = load();
        Instant now = clock.instant();
        if (keys.isEmpty() || !now.isBefore(keys.getLast().createdAt().plus(policy.rotationInterval()))) {
            create(keys.isEmpty() ? 1 : keys.getLast().generation() + 1, now);
            keys = load();
        }
        removeExpired(keys, now);
        return keys;
    }

    private StoredKey signing(List<StoredKey> keys, Instant now) {
        StoredKey signing = keys.getFirst();
        for (StoredKey key : keys) {
            if (!now.isBefore(activeFrom(key, keys))) {
                signing = key;
            }
        }
        return signing;
    }

    /** The first key signs at once; later ones after the activation delay. */
    private Instant activeFrom(StoredKey key, List<StoredKey> keys) {
        return key == keys.getFirst() ? key.createdAt() : key.createdAt().plus(policy.activationDelay());
    }

    private void removeExpired(List<StoredKey> keys, Instant now) {
        for (int i = 0; i + 1 < keys.size(); i++) {
            Instant replacedAt = activeFrom(keys.get(i + 1), keys);
            if (!now.isBefore(replacedAt.plus(policy.retention()))) {
                jdbc.sql("DELETE FROM oidc_signing_key WHERE kid = :kid").param("kid", keys.get(i).kid()).update();
                opened.remove(keys.get(i).kid());
            }
        }
    }

    private List<StoredKey> load() {
        return jdbc.sql("SELECT kid, generation, created_at, sealed_private_key FROM oidc_signing_key ORDER BY generation")
                .query((rs, i) -> new StoredKey(rs.getString("kid"), rs.getLong("generation"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("sealed_private_key")))
                .list();
    }

    private void create(long generation, Instant now) {
        RSAKey key = generate();
        try {
            jdbc.sql("""
                    INSERT INTO oidc_signing_key (kid, generation, public_jwk, sealed_private_key, created_at)
                    VALUES (:kid, :generation, :jwk, :sealed, :at)""")
                    .param("kid", key.getKeyID()).param("generation", generation)
                    .param("jwk", key.toPublicJWK().toJSONString()).param("sealed", seal(key))
                    .param("at", now.atOffset(ZoneOffset.UTC)).update();
            log.info("Created OIDC signing key {} (generation {})", key.getKeyID(), generation);
        } catch (DuplicateKeyException e) {
            log.debug("Another node created signing key generation {}", generation);
        }
    }

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private RSAKey open(StoredKey stored) {
        return opened.computeIfAbsent(stored.kid(), kid -> {
            try {
                byte[] sealed = Base64.getDecoder().decode(stored.sealed());
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(128, sealed, 0, GCM_IV_BYTES));
                cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
                byte[] json = cipher.doFinal(sealed, GCM_IV_BYTES, sealed.length - GCM_IV_BYTES);
                return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
            } catch (GeneralSecurityException | ParseException e) {
                throw new IllegalStateException("Signing key " + kid + " cannot be opened: is "
                        + "sus.oidc.key-encryption-key the same on every node?", e);
            }
        });
    }

    private String seal(RSAKey key) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(key.getKeyID().getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(key.toJSONString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[iv.length + encrypted.length];
            System.arraycopy(iv, 0, sealed, 0, iv.length);
            System.arraycopy(encrypted, 0, sealed, iv.length, encrypted.length);
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing a signing key failed", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
