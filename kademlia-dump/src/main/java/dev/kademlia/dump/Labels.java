package dev.kademlia.dump;

import java.time.Instant;
import java.util.Locale;

/**
 * The text of diagram labels: durations people read at a glance, and dump strings made safe to paste into
 * PlantUML and DOT (dumps read from JSON may come from anywhere).
 */
final class Labels {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** 2001-09-09, the first epoch millisecond with 13 digits. */
    private static final long WALL_CLOCK_FROM = 1_000_000_000_000L;

    private Labels() {
    }

    /** A duration in the largest units that keep it exact enough: {@code 840 ms}, {@code 12.3 s}, {@code 2 h 5 min}. */
    static String duration(long millis) {
        long ms = Math.abs(millis);
        String sign = millis < 0 ? "-" : "";
        if (ms < SECOND) {
            return sign + ms + " ms";
        }
        if (ms < MINUTE) {
            return sign + String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < HOUR) {
            return sign + ms / MINUTE + " min " + ms % MINUTE / SECOND + " s";
        }
        if (ms < DAY) {
            return sign + ms / HOUR + " h " + ms % HOUR / MINUTE + " min";
        }
        return sign + ms / DAY + " d " + ms % DAY / HOUR + " h";
    }

    /** How long before {@code nowMillis} something happened at {@code atMillis}. */
    static String ago(long atMillis, long nowMillis) {
        long age = nowMillis - atMillis;
        return age >= 0 ? duration(age) + " ago" : "in " + duration(-age);
    }

    /** How long after {@code nowMillis} something happens at {@code atMillis}. */
    static String in(long atMillis, long nowMillis) {
        long left = atMillis - nowMillis;
        return left >= 0 ? "in " + duration(left) : duration(-left) + " ago";
    }

    /**
     * A moment on a node's clock: as a UTC instant when it looks like wall-clock time (from 2001 on), else
     * as milliseconds since the clock's start (a simulation's virtual time).
     */
    static String instant(long millis) {
        return millis >= WALL_CLOCK_FROM ? Instant.ofEpochMilli(millis).toString() : millis + " ms";
    }

    /** A count with its noun, singular or plural: {@code 1 contact}, {@code 3 contacts}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * A host or other free text from a dump, reduced to the characters addresses use, so it cannot change
     * the meaning of the diagram it is pasted into. Anything else becomes {@code ?}.
     */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c == '.' || c == ':' || c == '[' || c == ']' || c == '%';
            out.append(allowed ? c : '?');
        }
        return out.toString();
    }

    /** {@code host:port}, made {@link #safe}. */
    static String address(String host, int port) {
        return safe(Hex.address(host, port));
    }
}
