package dev.kademlia.dump;

import dev.kademlia.api.Key;
import java.util.Objects;

/**
 * How dumps print ids, distances and addresses: keys and distances as fixed-width lower-case hex, so lists
 * line up; pictures show the first {@link #SHORT_DIGITS} digits.
 */
final class Hex {

    /** Hex digits of ids and distances shown in pictures (JSON always has all 64). */
    static final int SHORT_DIGITS = 16;

    private Hex() {
    }

    /** Checks that {@code hex} is 64 hex digits; {@code what} names it in the message. */
    static void checkKey(String hex, String what) {
        Objects.requireNonNull(hex, what);
        try {
            Key.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be 64 hex digits; " + e.getMessage(), e);
        }
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]; got " + port);
        }
    }

    /** The first {@link #SHORT_DIGITS} digits of a 64-digit hex string. */
    static String shorten(String hex) {
        return hex.substring(0, SHORT_DIGITS);
    }

    /** The XOR distance between two 64-digit ids, as 64 hex digits. */
    static String distance(Key a, Key b) {
        return a.distanceTo(b).toString();
    }

    static String address(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
