package dev.kademlia.core.defence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static int admitted(RateLimiter limiter, InetAddress source, int attempts, long now) {
        int n = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(source, now)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void burstThenSteadyRatePerAddress() throws Exception {
        RateLimiter limiter = new RateLimiter(10, 20, 100, false);
        InetAddress flooder = InetAddress.getByName("203.0.113.1");
        InetAddress other = InetAddress.getByName("203.0.113.2");
        assertEquals(20, admitted(limiter, flooder, 1_000, 0), "the burst");
        assertEquals(0, admitted(limiter, flooder, 1_000, 0));
        assertEquals(20, admitted(limiter, other, 20, 0), "another address has its own bucket");
        assertEquals(5, admitted(limiter, flooder, 1_000, 500), "refilled at 10 per second");
        assertEquals(20, admitted(limiter, flooder, 1_000, 1_000_000), "never more than the burst");
    }

    @Test
    void localAddressesAreExemptUnlessAsked() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress lan = InetAddress.getByName("192.168.1.5");
        assertEquals(1_000, admitted(new RateLimiter(1, 1, 10, false), loopback, 1_000, 0));
        assertEquals(1_000, admitted(new RateLimiter(1, 1, 10, false), lan, 1_000, 0));
        assertEquals(1, admitted(new RateLimiter(1, 1, 10, true), lan, 1_000, 0));
    }

    @Test
    void forgetsTheLeastRecentlyActiveAddressesBeyondItsBound() throws Exception {
        RateLimiter limiter = new RateLimiter(1, 1, 2, false);
        InetAddress a = InetAddress.getByName("203.0.113.1");
        assertTrue(limiter.tryAcquire(a, 0));
        assertFalse(limiter.tryAcquire(a, 0));
        limiter.tryAcquire(InetAddress.getByName("203.0.113.2"), 0);
        limiter.tryAcquire(InetAddress.getByName("203.0.113.3"), 0); // evicts a
        assertTrue(limiter.tryAcquire(a, 0), "a forgotten address starts with a full bucket");
    }
}
