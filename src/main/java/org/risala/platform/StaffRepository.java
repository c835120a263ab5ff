package org.risala.platform;

import static org.risala.storage.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    /** what sign-in needs: the hash is read here and nowhere else */
    record Credentials(String username, String passwordHash, Role role, boolean enabled) {
    }

    private static final String USER_COLUMNS = """
            u.id, u.username, u.role, u.department_id, d.name AS department_name, u.enabled, u.created_at
            FROM staff_user u JOIN department d ON d.id = u.department_id""";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyUser() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_user").query(Long.class).single() > 0;
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM staff_user WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> new Credentials(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .optional();
    }

    List<StaffUser> users() {
        return jdbc.sql("SELECT " + USER_COLUMNS + " ORDER BY u.username").query(this::toUser).list();
    }

    Optional<StaffUser> user(long id) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " WHERE u.id = :id").param("id", id).query(this::toUser).optional();
    }

    Optional<StaffUser> user(String username) {
        return jdbc.sql("SELECT " + USER_COLUMNS + " WHERE u.username = :u").param("u", username)
                .query(this::toUser).optional();
    }

    long insertUser(String username, String passwordHash, Role role, long departmentId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO staff_user (username, password_hash, role, department_id, enabled, created_at)
                        VALUES (:u, :h, :r, :d, TRUE, :now)""")
                .param("u", username).param("h", passwordHash).param("r", role.name()).param("d", departmentId)
                .param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean setEnabled(long id, boolean enabled) {
        return jdbc.sql("UPDATE staff_user SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id)
                .update() == 1;
    }

    boolean setPasswordHash(String username, String passwordHash) {
        return jdbc.sql("UPDATE staff_user SET password_hash = :h WHERE username = :u")
                .param("h", passwordHash).param("u", username).update() == 1;
    }

    long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE")
                .query(Long.class).single();
    }

    List<Department> departments() {
        return jdbc.sql("SELECT id, name FROM department ORDER BY name")
                .query((rs, n) -> new Department(rs.getLong("id"), rs.getString("name"))).list();
    }

    Optional<Department> department(long id) {
        return jdbc.sql("SELECT id, name FROM department WHERE id = :id").param("id", id)
                .query((rs, n) -> new Department(rs.getLong("id"), rs.getString("name"))).optional();
    }

    Optional<Department> department(String name) {
        return jdbc.sql("SELECT id, name FROM department WHERE name = :n").param("n", name)
                .query((rs, n) -> new Department(rs.getLong("id"), rs.getString("name"))).optional();
    }

    long insertDepartment(String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO department (name) VALUES (:n)").param("n", name).update(keys, "id");
        return keys.getKey().longValue();
    }

    private StaffUser toUser(ResultSet rs, int n) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new StaffUser(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getLong("department_id"), rs.getString("department_name"), rs.getBoolean("enabled"),
                created.toInstant());
    }
}
