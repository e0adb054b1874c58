package dev.kademlia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin channel listens on loopback only, answers DUMP with the dump, and reports failures as errors. */
class AdminChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void listensOnTheLoopbackOfTheNodesPort() throws Exception {
        assertEquals(new InetSocketAddress("127.0.0.1", 4000),
                AdminChannel.addressFor(new InetSocketAddress("0.0.0.0", 4000)));
        InetSocketAddress v6 = AdminChannel.addressFor(new InetSocketAddress("::1", 4001));
        assertTrue(v6.getAddress().isLoopbackAddress() && v6.getAddress().getAddress().length == 16, v6.toString());
        assertEquals(4001, v6.getPort());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminChannel.open(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 4000), () -> ""));
        assertTrue(e.getMessage().startsWith("the admin channel listens on loopback only"), e.getMessage());
    }

    @Test
    void answersDumpWithTheDumpAndFailuresWithAnError() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (AdminChannel channel = AdminChannel.open(any, () -> "{\"format\" : 1}\n")) {
            assertEquals("{\"format\" : 1}\n", AdminChannel.requestDump(channel.address(), TIMEOUT));
            assertEquals("{\"format\" : 1}\n", AdminChannel.requestDump(channel.address(), TIMEOUT),
                    "it keeps serving after a request");
            IOException taken = assertThrows(IOException.class, () -> AdminChannel.open(channel.address(), () -> ""));
            assertTrue(taken.getMessage() != null && !taken.getMessage().isBlank());
        }
        try (AdminChannel failing = AdminChannel.open(any, () -> {
            throw new IllegalStateException("node closed");
        })) {
            IOException e = assertThrows(IOException.class, () -> AdminChannel.requestDump(failing.address(), TIMEOUT));
            assertEquals("the node could not take a dump: node closed", e.getMessage());
        }
    }
}
