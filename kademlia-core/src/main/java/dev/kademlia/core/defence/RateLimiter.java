package dev.kademlia.core.defence;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many requests per second a node answers for one source address: a token bucket per address,
 * refilled at {@code perSecond} and holding at most {@code burst}. A flood from one address is cut down to
 * that rate while every other address is served as before. Requests beyond it are dropped unanswered (an
 * answer would make the node an amplifier for spoofed floods).
 *
 * <p>At most {@code maxTracked} addresses are remembered, least recently active forgotten first, so a
 * flood from many addresses cannot exhaust memory; a forgotten address starts again with a full bucket.
 * Loopback, private and link-local sources are exempt unless {@code limitPrivateAddresses}.
 *
 * <p>Owned by the node's event loop; not thread-safe. Time is passed in.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long refilledAtMillis;

        Bucket(double tokens, long refilledAtMillis) {
            this.tokens = tokens;
            this.refilledAtMillis = refilledAtMillis;
        }
    }

    private final double perMillisecond;
    private final double burst;
    private final boolean limitPrivateAddresses;
    private final Map<InetAddress, Bucket> buckets;

    /**
     * Creates a limiter.
     *
     * @param perSecond             requests answered per second and address, at least 1
     * @param burst                 requests answered at once after a quiet period, at least {@code perSecond}
     * @param maxTracked            addresses remembered, at least 1
     * @param limitPrivateAddresses whether loopback, private and link-local sources are limited too
     */
    public RateLimiter(int perSecond, int burst, int maxTracked, boolean limitPrivateAddresses) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1; got " + perSecond);
        }
        if (burst < perSecond) {
            throw new IllegalArgumentException("burst (" + burst + ") must be at least perSecond (" + perSecond + ")");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be at least 1; got " + maxTracked);
        }
        this.perMillisecond = perSecond / 1000.0;
        this.burst = burst;
        this.limitPrivateAddresses = limitPrivateAddresses;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Bucket> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /**
     * Takes one request's token for {@code source}.
     *
     * @param source    the request's source address
     * @param nowMillis the current time
     * @return true if the request may be answered
     */
    public boolean tryAcquire(InetAddress source, long nowMillis) {
        if (!limitPrivateAddresses && LocalAddresses.isLocal(source)) {
            return true;
        }
        Bucket bucket = buckets.get(source);
        if (bucket == null) {
            buckets.put(source, new Bucket(burst - 1, nowMillis));
            return true;
        }
        long elapsed = Math.max(0, nowMillis - bucket.refilledAtMillis);
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perMillisecond);
        bucket.refilledAtMillis = nowMillis;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }
}
