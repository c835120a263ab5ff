package org.risala.api.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.risala.outbound.CallbackSigner;
import org.risala.outbound.CallbackUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client systems and their API keys. A key is 190 random bits shown once when it is issued; only its SHA-256 hash is
 * stored (a slow password hash adds nothing for a random secret of that size, and would cost every request).
 * Lookups are cached briefly, so a revocation takes effect at once on this node and within
 * {@link #CACHE_TTL} on the others.
 */
@Component
public class ApiClients implements CallbackSigner {

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Pattern CLIENT_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private record Cached(Optional<ApiPrincipal> principal, Instant until) {
    }

    private record CachedSecret(Optional<byte[]> secret, Instant until) {
    }

    private final ClientRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, CachedSecret> signingSecrets = new ConcurrentHashMap<>();
    private final SecretBox secrets;

    ApiClients(ClientRepository repository, Clock clock, SecretBox secrets) {
        this.repository = repository;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** secrets stored in the clear by an earlier version are encrypted at start */
    @jakarta.annotation.PostConstruct
    void sealClearSecrets() {
        Map<Long, String> clear = repository.clearSecrets(secrets);
        clear.forEach((id, secret) -> repository.replaceSecret(id, secrets.seal(secret)));
        if (!clear.isEmpty()) {
            log.info("encrypted the callback secrets of {} clients", clear.size());
        }
    }

    /** @throws IllegalArgumentException with the reason, for an invalid name, URL or limit, or a taken name */
    @Transactional
    public NewClient createClient(String name, String callbackUrl, Integer ratePerSecond, Integer dailyQuota) {
        String clean = validName(name);
        String url = CallbackUrls.check(callbackUrl);
        validLimit("ratePerSecond", ratePerSecond);
        validLimit("dailyQuota", dailyQuota);
        String secret = randomToken(40);
        try {
            long id = repository.insertClient(clean, url, secrets.seal(secret), ratePerSecond, dailyQuota,
                    clock.instant());
            return new NewClient(repository.findClient(id).orElseThrow(), secret);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a client named '" + clean + "' already exists");
        }
    }

    @Transactional
    public ClientAccount updateClient(long clientId, String callbackUrl, Integer ratePerSecond, Integer dailyQuota) {
        ClientAccount existing = client(clientId);
        validLimit("ratePerSecond", ratePerSecond);
        validLimit("dailyQuota", dailyQuota);
        repository.updateClient(existing.id(), CallbackUrls.check(callbackUrl), ratePerSecond, dailyQuota);
        cache.clear();
        return client(clientId);
    }

    public List<ClientAccount> clients() {
        return repository.clients();
    }

    public ClientAccount client(long clientId) {
        return repository.findClient(clientId)
                .orElseThrow(() -> new IllegalArgumentException("no client with id " + clientId));
    }

    public Optional<ClientAccount> clientNamed(String name) {
        return repository.findClientByName(name);
    }

    public List<ApiKeyInfo> keys() {
        return repository.keys();
    }

    @Transactional
    public IssuedKey issueKey(long clientId, KeyMode mode, Set<Scope> scopes, String issuedBy) {
        client(clientId);
        String key = "rsl_" + mode.name().toLowerCase() + "_" + randomToken(32);
        return new IssuedKey(store(clientId, key, mode, scopes, issuedBy), key);
    }

    /** registers a key whose value is given from outside (the bootstrap key); the value itself is not kept */
    @Transactional
    public ApiKeyInfo registerKey(long clientId, String key, KeyMode mode, Set<Scope> scopes, String issuedBy) {
        if (key.length() < 16) {
            throw new IllegalArgumentException("an API key must be at least 16 characters long");
        }
        return store(clientId, key, mode, scopes, issuedBy);
    }

    private ApiKeyInfo store(long clientId, String key, KeyMode mode, Set<Scope> scopes, String issuedBy) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        String prefix = key.substring(0, Math.min(12, key.length()));
        cache.remove(hash(key));
        long id = repository.insertKey(clientId, hash(key), prefix, mode, Scope.format(scopes), issuedBy,
                clock.instant());
        log.info("API key {}… ({}) issued to client {} by {}", prefix, mode, clientId, issuedBy);
        return repository.findKey(id).orElseThrow();
    }

    /** gives a key every scope there is, e.g. the bootstrap key after an upgrade added one */
    @Transactional
    public void grantAllScopes(long keyId) {
        repository.updateScopes(keyId, Scope.format(allScopes()));
        cache.clear();
    }

    @Transactional
    public void revokeKey(long keyId, String revokedBy) {
        ApiKeyInfo key = repository.findKey(keyId)
                .orElseThrow(() -> new IllegalArgumentException("no API key with id " + keyId));
        if (repository.revokeKey(keyId, clock.instant())) {
            log.info("API key {}… of client {} revoked by {}", key.prefix(), key.clientName(), revokedBy);
        }
        cache.clear();
    }

    public boolean hasKeys(long clientId) {
        return repository.hasKeyForClient(clientId);
    }

    /** the client behind a bearer key, if the key exists and is not revoked */
    public Optional<ApiPrincipal> authenticate(String key) {
        String hash = hash(key);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.principal();
        }
        Optional<ApiPrincipal> principal = repository.principalByHash(hash);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(principal, now.plus(CACHE_TTL)));
        return principal;
    }

    @Override
    /** cached like keys: every status callback is signed, and the secret changes only with the client */
    public Optional<byte[]> secretOf(long clientId) {
        Instant now = clock.instant();
        CachedSecret cached = signingSecrets.get(clientId);
        if (cached == null || !cached.until().isAfter(now)) {
            cached = new CachedSecret(repository.callbackSecret(clientId)
                    .map(stored -> secrets.open(stored).getBytes(StandardCharsets.UTF_8)), now.plus(CACHE_TTL));
            signingSecrets.put(clientId, cached);
        }
        return cached.secret().map(byte[]::clone);
    }

    public static Set<Scope> allScopes() {
        return EnumSet.allOf(Scope.class);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String validName(String name) {
        if (name == null || !CLIENT_NAME.matcher(name.trim()).matches()) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, spaces, dots, dashes or underscores");
        }
        return name.trim();
    }

    private static void validLimit(String field, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, or empty for no limit");
        }
    }
}
