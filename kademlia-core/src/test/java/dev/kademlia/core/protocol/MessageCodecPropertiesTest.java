package dev.kademlia.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kademlia.api.Contact;
import dev.kademlia.api.Key;
import dev.kademlia.core.protocol.DecodeResult.Decoded;
import dev.kademlia.core.protocol.DecodeResult.Rejected;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;

@StatisticsReport(StatisticsReportMode.OFF)
class MessageCodecPropertiesTest {

    private static final MessageCodec CODEC = SampleMessages.codec();

    @Property
    void validEnvelopesRoundTrip(@ForAll("envelopes") Envelope envelope) {
        byte[] datagram = CODEC.encode(envelope);

        Decoded decoded = assertInstanceOf(Decoded.class, CODEC.decode(datagram));

        assertEquals(envelope, decoded.envelope());
        assertArrayEquals(datagram, CODEC.encode(decoded.envelope()));
    }

    @Property
    void randomBytesNeverThrow(@ForAll @Size(max = 1500) byte[] datagram) {
        assertDecodesCanonicallyOrRejects(datagram);
    }

    @Property
    void randomBodiesBehindAValidHeaderNeverThrow(
            @ForAll("messageTypes") MessageType type, @ForAll @IntRange(max = 3) int flags,
            @ForAll @Size(max = 200) byte[] body) {
        byte[] header = CODEC.encode(new Envelope(1, SampleMessages.SENDER, false, new Ping()));
        header[WireLayout.TYPE_OFFSET] = (byte) type.code();
        header[WireLayout.FLAGS_OFFSET] = (byte) flags;
        byte[] datagram = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, datagram, header.length, body.length);

        assertDecodesCanonicallyOrRejects(datagram);
    }

    @Property(tries = 2000)
    void mutatedMessagesNeverThrowAndDecodeOnlyToTheirOwnEncoding(
            @ForAll("envelopes") Envelope envelope,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] datagram = CODEC.encode(envelope);
        for (Mutation mutation : mutations) {
            datagram = mutation.apply(datagram);
        }

        DecodeResult result = assertDecodesCanonicallyOrRejects(datagram);

        Statistics.label("outcome").collect(result instanceof Decoded ? "decoded" : "rejected");
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("decoded").count((Integer n) -> n > 0);
            coverage.check("rejected").count((Integer n) -> n > 0);
        });
    }

    @Property(tries = 200)
    void limitsHoldForEveryDatagramSize(@ForAll @IntRange(min = 512, max = 65_507) int maxDatagramBytes) {
        MessageCodec codec = new MessageCodec(maxDatagramBytes);
        byte[] token = SampleMessages.FULL_TOKEN;

        Store largest = new Store(SampleMessages.KEY, new byte[codec.maxValueBytes()], 1, token);
        assertEquals(maxDatagramBytes, codec.encode(envelope(largest)).length);
        Store tooLarge = new Store(SampleMessages.KEY, new byte[codec.maxValueBytes() + 1], 1, token);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(envelope(tooLarge)));
        ValueFound found = new ValueFound(new byte[codec.maxValueBytes()], token);
        assertInstanceOf(Decoded.class, codec.decode(codec.encode(envelope(found))));

        int fit = codec.maxContactsPerReply();
        Nodes full = new Nodes(SampleMessages.ipv6Contacts(fit), token);
        assertInstanceOf(Decoded.class, codec.decode(codec.encode(envelope(full))));
        if (fit < MessageCodec.MAX_CONTACTS) {
            Nodes oneMore = new Nodes(SampleMessages.ipv6Contacts(fit + 1), token);
            assertThrows(IllegalArgumentException.class, () -> codec.encode(envelope(oneMore)));
        }
    }

    /** Decodes; a decoded envelope must encode back to exactly the same bytes. */
    private static DecodeResult assertDecodesCanonicallyOrRejects(byte[] datagram) {
        DecodeResult result = CODEC.decode(datagram);
        if (result instanceof Decoded decoded) {
            assertArrayEquals(datagram, CODEC.encode(decoded.envelope()));
        } else {
            Rejected rejected = (Rejected) result;
            assertFalse(rejected.detail().isEmpty(), rejected.toString());
        }
        return result;
    }

    private static Envelope envelope(Payload payload) {
        return new Envelope(7, SampleMessages.SENDER, false, payload);
    }

    @Provide
    Arbitrary<MessageType> messageTypes() {
        return Arbitraries.of(MessageType.class);
    }

    @Provide
    Arbitrary<Envelope> envelopes() {
        return Combinators.combine(Arbitraries.longs(), keys(), Arbitraries.of(false, true), payloads())
                .as(Envelope::new);
    }

    private static Arbitrary<Payload> payloads() {
        List<Arbitrary<? extends Payload>> kinds = List.of(
                Arbitraries.just(new Ping()),
                Arbitraries.just(new Pong()),
                Arbitraries.just(new StoreAck()),
                keys().map(FindNode::new),
                keys().map(FindValue::new),
                Combinators.combine(keys(), values(), Arbitraries.longs().between(0, Store.TTL_NEVER), tokens())
                        .as(Store::new),
                Combinators.combine(contacts().list().ofMaxSize(CODEC.maxContactsPerReply()), tokens())
                        .as(Nodes::new),
                Combinators.combine(values(), tokens()).as(ValueFound::new),
                Combinators.combine(Arbitraries.of(ErrorCode.class), Arbitraries.strings().ofMaxLength(120))
                        .as(ErrorReply::new));
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<Key> keys() {
        Arbitrary<Long> words = Arbitraries.longs();
        return Combinators.combine(words, words, words, words).as(Key::ofWords);
    }

    private static Arbitrary<byte[]> tokens() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(MessageCodec.MAX_TOKEN_BYTES);
    }

    private static Arbitrary<byte[]> values() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(CODEC.maxValueBytes());
    }

    private static Arbitrary<Contact> contacts() {
        Arbitrary<byte[]> addresses = Arbitraries.oneOf(List.of(
                        Arbitraries.bytes().array(byte[].class).ofSize(4),
                        Arbitraries.bytes().array(byte[].class).ofSize(16)))
                .filter(address -> WireAddress.problem(address) == null);
        return Combinators.combine(keys(), addresses, Arbitraries.integers().between(1, 65_535))
                .as((id, address, port) -> new Contact(id, new InetSocketAddress(SampleMessages.inet(address), port)));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 1500);
        return Arbitraries.oneOf(List.of(
                Combinators.combine(positions, Arbitraries.integers().between(0, 7)).as(BitFlip::new),
                Combinators.combine(positions, Arbitraries.bytes()).as(Overwrite::new),
                positions.map(Truncate::new),
                Combinators.combine(positions, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                        .as(Insert::new),
                Combinators.combine(positions, Arbitraries.integers().between(1, 8)).as(Delete::new)));
    }

    /** One change to a datagram; positions wrap around its length. */
    interface Mutation {

        byte[] apply(byte[] datagram);
    }

    record BitFlip(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] datagram) {
            if (datagram.length == 0) {
                return datagram;
            }
            byte[] out = datagram.clone();
            out[position % out.length] ^= (byte) (1 << bit);
            return out;
        }
    }

    record Overwrite(int position, byte value) implements Mutation {
        @Override
        public byte[] apply(byte[] datagram) {
            if (datagram.length == 0) {
                return datagram;
            }
            byte[] out = datagram.clone();
            out[position % out.length] = value;
            return out;
        }
    }

    record Truncate(int length) implements Mutation {
        @Override
        public byte[] apply(byte[] datagram) {
            return Arrays.copyOf(datagram, length % (datagram.length + 1));
        }
    }

    record Insert(int position, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] datagram) {
            int at = position % (datagram.length + 1);
            byte[] out = new byte[datagram.length + bytes.length];
            System.arraycopy(datagram, 0, out, 0, at);
            System.arraycopy(bytes, 0, out, at, bytes.length);
            System.arraycopy(datagram, at, out, at + bytes.length, datagram.length - at);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[position=" + position + ", bytes=" + Arrays.toString(bytes) + "]";
        }
    }

    record Delete(int position, int count) implements Mutation {
        @Override
        public byte[] apply(byte[] datagram) {
            if (datagram.length == 0) {
                return datagram;
            }
            int at = position % datagram.length;
            int removed = Math.min(count, datagram.length - at);
            byte[] out = new byte[datagram.length - removed];
            System.arraycopy(datagram, 0, out, 0, at);
            System.arraycopy(datagram, at + removed, out, at, out.length - at);
            return out;
        }
    }
}
