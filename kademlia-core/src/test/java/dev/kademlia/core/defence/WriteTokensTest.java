package dev.kademlia.core.defence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WriteTokensTest {

    @Test
    void tokensBindToTheAddressAndLiveOneToTwoRotations() throws Exception {
        WriteTokens tokens = new WriteTokens(new SplittableRandom(1), 1_000, 0);
        InetAddress alice = InetAddress.getByName("203.0.113.1");
        InetAddress mallory = InetAddress.getByName("203.0.113.66");
        byte[] token = tokens.issue(alice, 100);
        assertEquals(WriteTokens.TOKEN_BYTES, token.length);
        assertTrue(tokens.isValid(token, alice, 100));
        assertFalse(tokens.isValid(token, mallory, 100), "bound to the requester's address");
        assertTrue(tokens.isValid(token, alice, 1_500), "valid under the previous secret");
        assertFalse(tokens.isValid(token, alice, 2_000), "two rotations later it is gone");
        assertFalse(tokens.isValid(new byte[0], alice, 100));
        assertFalse(tokens.isValid(new byte[WriteTokens.TOKEN_BYTES], alice, 100));
    }

    @Test
    void aLongSilenceInvalidatesEveryOldToken() throws Exception {
        WriteTokens tokens = new WriteTokens(new SplittableRandom(2), 1_000, 0);
        InetAddress alice = InetAddress.getByName("203.0.113.1");
        byte[] token = tokens.issue(alice, 0);
        assertFalse(tokens.isValid(token, alice, 60_000));
        assertTrue(tokens.isValid(tokens.issue(alice, 60_000), alice, 60_500));
    }
}
