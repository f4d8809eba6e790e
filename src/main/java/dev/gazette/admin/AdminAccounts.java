package dev.gazette.admin;

import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The admins: names unique ignoring case, passwords kept only as Argon2id hashes (Spring Security's
 * {@link Argon2PasswordEncoder}, with its recommended parameters: 16 MiB of memory, 2 passes, a random 16-byte
 * salt per password). Checking a password for a name that does not exist costs as much as for one that does, so
 * timing does not tell which names exist.
 */
public final class AdminAccounts {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]{0,63}");

    private final Jdbi jdbi;
    private final Clock clock;
    private final AdminSessions sessions;
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private volatile String decoyHash;

    AdminAccounts(Jdbi jdbi, Clock clock, AdminSessions sessions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.sessions = sessions;
    }

    /**
     * Add an admin.
     *
     * @throws AdminException when the name is not valid or taken, or the password is weak ({@link PasswordPolicy})
     */
    public AdminUser create(String name, String password) {
        String checked = checkName(name);
        PasswordPolicy.problem(checked, password).ifPresent(problem -> {
            throw new AdminException(problem);
        });
        String hash = encoder.encode(password);
        try {
            long id = jdbi.withExtension(AdminDao.class, dao -> dao.insert(checked, key(checked), hash, clock.instant()));
            return find(id).orElseThrow();
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new AdminException("there is already an admin named '" + checked + "'");
            }
            throw e;
        }
    }

    /**
     * Add the first admin, unless there is one already (also when another process adds one at the same moment).
     * The password is not checked against the policy: it is the caller's random one.
     *
     * @return the admin created, or empty when there was one already
     */
    public Optional<AdminUser> createFirst(String name, String randomPassword) {
        if (count() > 0) {
            return Optional.empty();
        }
        String checked = checkName(name);
        String hash = encoder.encode(randomPassword);
        try {
            return jdbi.inTransaction(handle -> {
                AdminDao dao = handle.attach(AdminDao.class);
                if (dao.count() > 0) {
                    return Optional.<AdminUser>empty();
                }
                return dao.find(dao.insert(checked, key(checked), hash, clock.instant()));
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The admin with that name and password, or empty for a wrong name or password (one answer for both). Records
     * the log-in time, and re-hashes a password stored with weaker parameters than today's.
     */
    public Optional<AdminUser> authenticate(String name, String password) {
        if (name == null || password == null || name.isBlank() || password.length() > PasswordPolicy.MAX_LENGTH * 4) {
            encoder.matches("", decoyHash());
            return Optional.empty();
        }
        Optional<AdminDao.Credentials> stored = jdbi.withExtension(AdminDao.class,
                dao -> dao.credentials(key(name.strip())));
        if (stored.isEmpty()) {
            encoder.matches(password, decoyHash()); // as slow as a real check
            return Optional.empty();
        }
        AdminDao.Credentials credentials = stored.get();
        if (!encoder.matches(password, credentials.passwordHash())) {
            return Optional.empty();
        }
        return jdbi.withExtension(AdminDao.class, dao -> {
            if (encoder.upgradeEncoding(credentials.passwordHash())) {
                dao.rehash(credentials.id(), encoder.encode(password));
            }
            dao.recordLogin(credentials.id(), clock.instant());
            return dao.find(credentials.id());
        });
    }

    /**
     * Give an admin a new password, and end every session of theirs but {@code keepSessionId} (the browser the
     * change was made from; null ends them all).
     *
     * @throws AdminException when there is no such admin or the password is weak
     */
    public AdminUser changePassword(String name, String newPassword, String keepSessionId) {
        AdminUser admin = findByName(name).orElseThrow(() -> new AdminException("there is no admin named '" + name + "'"));
        PasswordPolicy.problem(admin.name(), newPassword).ifPresent(problem -> {
            throw new AdminException(problem);
        });
        String hash = encoder.encode(newPassword);
        jdbi.useExtension(AdminDao.class, dao -> dao.updatePassword(admin.id(), hash, clock.instant()));
        sessions.endAll(admin.id(), keepSessionId);
        return find(admin.id()).orElseThrow();
    }

    /** Whether this is the admin's current password (for a change of password from the console). */
    public boolean checkPassword(long adminId, String password) {
        Optional<AdminUser> admin = find(adminId);
        if (admin.isEmpty() || password == null) {
            return false;
        }
        return jdbi.withExtension(AdminDao.class, dao -> dao.credentials(key(admin.get().name())))
                .map(c -> encoder.matches(password, c.passwordHash())).orElse(false);
    }

    public Optional<AdminUser> find(long id) {
        return jdbi.withExtension(AdminDao.class, dao -> dao.find(id));
    }

    public Optional<AdminUser> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withExtension(AdminDao.class, dao -> dao.findByNameKey(key(name.strip())));
    }

    /** Every admin, by name. */
    public List<AdminUser> list() {
        return jdbi.withExtension(AdminDao.class, AdminDao::list);
    }

    public int count() {
        return jdbi.withExtension(AdminDao.class, AdminDao::count);
    }

    /**
     * A random password for a generated admin: about 120 random bits in 20 URL-safe characters, starting with a letter or
     * digit (so it is never taken for a command-line option when pasted).
     */
    public static String randomPassword() {
        while (true) {
            String password = Secrets.random(15);
            if (Character.isLetterOrDigit(password.charAt(0)) && PasswordPolicy.problem("admin", password).isEmpty()) {
                return password;
            }
        }
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new AdminException("'" + stripped + "' is not a valid admin name: use 1 to 64 letters, digits, "
                    + "dots, dashes, underscores or @, starting with a letter or digit");
        }
        return stripped;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = encoder.encode(Secrets.random(16));
            decoyHash = hash;
        }
        return hash;
    }
}
