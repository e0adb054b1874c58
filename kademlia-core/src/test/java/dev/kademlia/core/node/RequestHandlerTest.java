package dev.kademlia.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.api.spi.Store;
import dev.kademlia.api.spi.StoreException;
import dev.kademlia.api.spi.StoredValue;
import dev.kademlia.core.defence.WriteTokens;
import dev.kademlia.core.protocol.ErrorCode;
import dev.kademlia.core.protocol.ErrorReply;
import dev.kademlia.core.protocol.FindNode;
import dev.kademlia.core.protocol.FindValue;
import dev.kademlia.core.protocol.Nodes;
import dev.kademlia.core.protocol.Response;
import dev.kademlia.core.protocol.StoreAck;
import dev.kademlia.core.protocol.ValueFound;
import dev.kademlia.core.routing.RoutingTable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

/** The request handler against a mocked store: what it writes, and what it answers when the store fails. */
@ExtendWith(MockitoExtension.class)
class RequestHandlerTest {

    private static final long NOW = 1_000_000;

    @Mock
    Store store;

    private final Key localId = Key.sha256("local");
    private final WriteTokens tokens = new WriteTokens(new SplittableRandom(3), 300_000, 0);
    private final NodeMetrics metrics = new NodeMetrics();
    private RequestHandler handler;
    private Contact requester;

    @BeforeEach
    void setUp() throws Exception {
        RoutingTable routing = new RoutingTable(localId, 20, 20, 2);
        handler = new RequestHandler(routing, store, tokens, 20, Duration.ofHours(1), 100, 10_000, metrics);
        requester = new Contact(Key.sha256("requester"),
                new InetSocketAddress(InetAddress.getByName("203.0.113.5"), 4000));
    }

    private byte[] validToken() {
        Response reply = handler.answer(new FindNode(Key.ZERO), requester, NOW);
        return ((Nodes) reply).token();
    }

    @Test
    void storeWritesAReplicaWithTheRequestedLifetimeCappedByTheNodes() {
        when(store.get(any(), anyLong())).thenReturn(Optional.empty());
        Key key = Key.sha256("k");
        byte[] token = validToken();

        assertInstanceOf(StoreAck.class,
                handler.answer(new dev.kademlia.core.protocol.Store(key, new byte[] {7}, 60, token), requester, NOW));
        assertInstanceOf(StoreAck.class, handler.answer(
                new dev.kademlia.core.protocol.Store(key, new byte[] {8}, 999_999, token), requester, NOW));

        ArgumentCaptor<StoredValue> written = ArgumentCaptor.forClass(StoredValue.class);
        verify(store, org.mockito.Mockito.times(2)).put(written.capture());
        StoredValue first = written.getAllValues().get(0);
        assertEquals(NOW + 60_000, first.expiresAtMillis());
        assertEquals(NOW, first.republishedAtMillis());
        assertEquals(false, first.originalPublisher(), "a STORE makes a replica");
        assertEquals(NOW + 3_600_000, written.getAllValues().get(1).expiresAtMillis(), "capped at the node's TTL");
    }

    @Test
    void aFullStoreBecomesAStoreFullErrorReply() {
        when(store.get(any(), anyLong())).thenReturn(Optional.empty());
        doThrow(new StoreException(StoreException.Reason.FULL, "disk quota reached")).when(store).put(any());
        Response reply = handler.answer(
                new dev.kademlia.core.protocol.Store(Key.sha256("k"), new byte[1], 60, validToken()), requester, NOW);
        ErrorReply error = assertInstanceOf(ErrorReply.class, reply);
        assertEquals(ErrorCode.STORE_FULL, error.code());
        assertEquals("disk quota reached", error.message());
        assertEquals(1, metrics.snapshot().storesRefused());
    }

    @Test
    void aFailingBackendBecomesAnInternalErrorReply() {
        when(store.get(any(), anyLong())).thenReturn(Optional.empty());
        doThrow(new StoreException(StoreException.Reason.BACKEND_FAILURE, "I/O error")).when(store).put(any());
        Response reply = handler.answer(
                new dev.kademlia.core.protocol.Store(Key.sha256("k"), new byte[1], 60, validToken()), requester, NOW);
        assertEquals(ErrorCode.INTERNAL, assertInstanceOf(ErrorReply.class, reply).code());
    }

    @Test
    void aStoreWithoutATokenNeverReachesTheStore() {
        Response reply = handler.answer(
                new dev.kademlia.core.protocol.Store(Key.sha256("k"), new byte[1], 60, new byte[0]), requester, NOW);
        assertEquals(ErrorCode.INVALID_TOKEN, assertInstanceOf(ErrorReply.class, reply).code());
        verify(store, never()).put(any());
    }

    @Test
    void findValueAnswersWithTheHeldValue() {
        Key key = Key.sha256("held");
        when(store.get(key, NOW)).thenReturn(Optional.of(new StoredValue(key, new byte[] {1, 2}, NOW + 1, NOW, false)));
        ValueFound found = assertInstanceOf(ValueFound.class, handler.answer(new FindValue(key), requester, NOW));
        assertArrayEquals(new byte[] {1, 2}, found.value());
    }
}
