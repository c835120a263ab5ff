package org.risala.api.clients;

import static org.risala.storage.SqlTimes.instant;
import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertClient(String name, String callbackUrl, String secret, Integer rate, Integer quota, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_client (name, callback_url, callback_secret, rate_per_second, daily_quota, created_at)
                        VALUES (:name, :url, :secret, :rate, :quota, :now)""")
                .param("name", name).param("url", callbackUrl).param("secret", secret).param("rate", rate)
                .param("quota", quota).param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<ClientAccount> findClient(long id) {
        return jdbc.sql("SELECT * FROM api_client WHERE id = :id").param("id", id).query(this::client).optional();
    }

    Optional<ClientAccount> findClientByName(String name) {
        return jdbc.sql("SELECT * FROM api_client WHERE name = :name").param("name", name).query(this::client).optional();
    }

    List<ClientAccount> clients() {
        return jdbc.sql("SELECT * FROM api_client ORDER BY name").query(this::client).list();
    }

    void updateClient(long id, String callbackUrl, Integer rate, Integer quota) {
        jdbc.sql("UPDATE api_client SET callback_url = :url, rate_per_second = :rate, daily_quota = :quota WHERE id = :id")
                .param("id", id).param("url", callbackUrl).param("rate", rate).param("quota", quota).update();
    }

    /** secrets stored before they were encrypted, by client id */
    java.util.Map<Long, String> clearSecrets(SecretBox box) {
        java.util.Map<Long, String> clear = new java.util.HashMap<>();
        jdbc.sql("SELECT id, callback_secret FROM api_client").query(rs -> {
            if (!box.isSealed(rs.getString(2))) {
                clear.put(rs.getLong(1), rs.getString(2));
            }
        });
        return clear;
    }

    void replaceSecret(long clientId, String stored) {
        jdbc.sql("UPDATE api_client SET callback_secret = :s WHERE id = :id").param("s", stored).param("id", clientId)
                .update();
    }

    Optional<String> callbackSecret(long clientId) {
        return jdbc.sql("SELECT callback_secret FROM api_client WHERE id = :id").param("id", clientId)
                .query(String.class).optional();
    }

    private ClientAccount client(ResultSet rs, int n) throws SQLException {
        int rate = rs.getInt("rate_per_second");
        Integer ratePerSecond = rs.wasNull() ? null : rate;
        int quota = rs.getInt("daily_quota");
        Integer dailyQuota = rs.wasNull() ? null : quota;
        return new ClientAccount(rs.getLong("id"), rs.getString("name"), rs.getString("callback_url"), ratePerSecond,
                dailyQuota, instant(rs, "created_at"));
    }

    long insertKey(long clientId, String hash, String prefix, KeyMode mode, String scopes, String createdBy,
                   Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO api_key (client_id, key_hash, key_prefix, mode, scopes, created_by, created_at)
                        VALUES (:client, :hash, :prefix, :mode, :scopes, :by, :now)""")
                .param("client", clientId).param("hash", hash).param("prefix", prefix).param("mode", mode.name())
                .param("scopes", scopes).param("by", createdBy).param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String KEY_COLUMNS = """
            k.id, k.client_id, c.name AS client_name, k.key_prefix, k.mode, k.scopes, k.created_by, k.created_at,
            k.revoked_at FROM api_key k JOIN api_client c ON c.id = k.client_id""";

    List<ApiKeyInfo> keys() {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " ORDER BY c.name, k.created_at").query(this::key).list();
    }

    Optional<ApiKeyInfo> findKey(long id) {
        return jdbc.sql("SELECT " + KEY_COLUMNS + " WHERE k.id = :id").param("id", id).query(this::key).optional();
    }

    void updateScopes(long keyId, String scopes) {
        jdbc.sql("UPDATE api_key SET scopes = :scopes WHERE id = :id").param("scopes", scopes).param("id", keyId)
                .update();
    }

    boolean revokeKey(long id, Instant now) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("now", ts(now)).update() == 1;
    }

    boolean hasKeyForClient(long clientId) {
        return jdbc.sql("SELECT COUNT(*) FROM api_key WHERE client_id = :c").param("c", clientId)
                .query(Long.class).single() > 0;
    }

    /** the active key with this hash, with its client */
    Optional<ApiPrincipal> principalByHash(String hash) {
        return jdbc.sql("""
                        SELECT k.id AS key_id, k.mode, k.scopes, c.id AS client_id, c.name, c.callback_url,
                               c.rate_per_second, c.daily_quota
                        FROM api_key k JOIN api_client c ON c.id = k.client_id
                        WHERE k.key_hash = :hash AND k.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, n) -> {
                    int rate = rs.getInt("rate_per_second");
                    Integer ratePerSecond = rs.wasNull() ? null : rate;
                    int quota = rs.getInt("daily_quota");
                    Integer dailyQuota = rs.wasNull() ? null : quota;
                    return new ApiPrincipal(rs.getLong("client_id"), rs.getString("name"), rs.getLong("key_id"),
                            KeyMode.valueOf(rs.getString("mode")), Scope.parseAll(rs.getString("scopes")),
                            rs.getString("callback_url"), ratePerSecond, dailyQuota);
                })
                .optional();
    }

    private ApiKeyInfo key(ResultSet rs, int n) throws SQLException {
        return new ApiKeyInfo(rs.getLong("id"), rs.getLong("client_id"), rs.getString("client_name"),
                rs.getString("key_prefix"), KeyMode.valueOf(rs.getString("mode")), Scope.parseAll(rs.getString("scopes")),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "revoked_at"));
    }
}
