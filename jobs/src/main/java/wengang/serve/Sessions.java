package wengang.serve;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in sessions, in memory: a random 256-bit id (the cookie) per sign-in, with the
 * reviewer and a CSRF token that every form posts back. A session ends after
 * {@code idle} without a request, {@code max} after sign-in, at sign-out, and when the
 * server stops.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in reviewer's session. */
    public record Session(String id, String reviewer, String csrf, Instant started, Instant lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration max;
    private final Clock clock;

    public Sessions(Duration idle, Duration max, Clock clock) {
        this.idle = idle;
        this.max = max;
        this.clock = clock;
    }

    public Session start(String reviewer) {
        Instant now = clock.instant();
        Session s = new Session(random(), reviewer, random(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of this id (its idle time starts again), or empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.started().plus(max))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(s.id(), s.reviewer(), s.csrf(), s.started(), now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration idle() {
        return idle;
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
