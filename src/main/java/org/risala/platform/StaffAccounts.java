package org.risala.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff who sign in to the web pages, and their departments. Passwords are stored as bcrypt hashes only.
 * Every method that takes input throws {@link IllegalArgumentException} with a sentence fit for a form error.
 */
@Component
public class StaffAccounts implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt only reads the first 72 bytes; a longer password would silently be cut */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");

    private final StaffRepository repository;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SessionRegistry sessions;

    StaffAccounts(StaffRepository repository, PasswordEncoder passwords, Clock clock, SessionRegistry sessions) {
        this.repository = repository;
        this.passwords = passwords;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return repository.credentials(normalise(username))
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .authorities(c.role().authority())
                        .disabled(!c.enabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public List<StaffUser> users() {
        return repository.users();
    }

    public List<Department> departments() {
        return repository.departments();
    }

    @Transactional
    public StaffUser createUser(String username, String password, Role role, long departmentId) {
        String name = validUsername(username);
        checkPassword(password);
        if (role == null) {
            throw new IllegalArgumentException("choose a role");
        }
        repository.department(departmentId)
                .orElseThrow(() -> new IllegalArgumentException("choose an existing department"));
        try {
            long id = repository.insertUser(name, passwords.encode(password), role, departmentId, clock.instant());
            return repository.user(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a user named '" + name + "' already exists");
        }
    }

    @Transactional
    public Department createDepartment(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new IllegalArgumentException("a department name has 1 to 120 characters");
        }
        try {
            return new Department(repository.insertDepartment(clean), clean);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a department named '" + clean + "' already exists");
        }
    }

    /** @param actingUser who asks: nobody may disable their own account, so the last admin cannot lock everyone out */
    @Transactional
    public void setEnabled(long userId, boolean enabled, String actingUser) {
        StaffUser user = repository.user(userId)
                .orElseThrow(() -> new IllegalArgumentException("no user with id " + userId));
        if (!enabled && user.username().equals(normalise(actingUser))) {
            throw new IllegalArgumentException("you cannot disable your own account");
        }
        repository.setEnabled(userId, enabled);
        if (!enabled) {
            signOutEverywhere(user.username());
        }
        log.info("user {} {} by {}", user.username(), enabled ? "enabled" : "disabled", actingUser);
    }

    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        String name = normalise(username);
        StaffRepository.Credentials credentials = repository.credentials(name)
                .orElseThrow(() -> new IllegalArgumentException("no such user"));
        if (currentPassword == null || !passwords.matches(currentPassword, credentials.passwordHash())) {
            throw new IllegalArgumentException("the current password is not correct");
        }
        checkPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        repository.setPasswordHash(name, passwords.encode(newPassword));
        log.info("user {} changed their password", name);
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may have at most " + MAX_PASSWORD_BYTES
                    + " bytes (72 Latin letters, fewer Arabic ones)");
        }
    }

    private static String validUsername(String username) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a username has 2 to 64 Latin letters, digits, dots, dashes or underscores");
        }
        return name;
    }

    /** usernames are case-insensitive: "Admin" and "admin" are the same person */
    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** a disabled user's open sessions end at their next request, not when they would have timed out */
    private void signOutEverywhere(String username) {
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails details && details.getUsername().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}
