package dev.kademlia.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Key arithmetic checked against a naive {@link BigInteger} reference. */
class KeyTest {

    private static BigInteger big(Key key) {
        return new BigInteger(1, key.toBytes());
    }

    private static Key fromBig(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[Key.BYTES];
        int copy = Math.min(raw.length, Key.BYTES);
        System.arraycopy(raw, raw.length - copy, out, Key.BYTES - copy, copy);
        return Key.of(out);
    }

    /** Keys with long runs of shared leading bits, so that every word boundary of the XOR is exercised. */
    private static Key near(Key base, int sharedBits, SplittableRandom random) {
        if (sharedBits >= Key.BITS) {
            return base;
        }
        return base.randomInBucket(Key.BITS - 1 - sharedBits, random);
    }

    @Property
    void xorDistanceMatchesBigInteger(@ForAll long seed, @ForAll @IntRange(min = 0, max = 256) int shared) {
        SplittableRandom random = new SplittableRandom(seed);
        Key a = Key.random(random);
        Key b = near(a, shared, random);
        BigInteger expected = big(a).xor(big(b));
        assertEquals(expected, new BigInteger(1, a.distanceTo(b).toKey().toBytes()));
        assertEquals(expected.bitLength(), a.distanceTo(b).bitLength());
    }

    @Property
    void bucketIndexIsHighestDifferingBit(@ForAll long seed, @ForAll @IntRange(min = 0, max = 256) int shared) {
        SplittableRandom random = new SplittableRandom(seed);
        Key a = Key.random(random);
        Key b = near(a, shared, random);
        int expected = big(a).xor(big(b)).bitLength() - 1;
        assertEquals(expected, a.bucketIndex(b));
        assertEquals(expected, b.bucketIndex(a));
        assertEquals(255 - expected, a.commonPrefixLength(b));
    }

    @Property
    void compareDistanceMatchesBigInteger(@ForAll long seed, @ForAll @IntRange(min = 0, max = 256) int shared) {
        SplittableRandom random = new SplittableRandom(seed);
        Key target = Key.random(random);
        Key a = near(target, shared, random);
        Key b = near(target, Math.max(0, shared - random.nextInt(3)), random);
        int expected = Integer.signum(big(a).xor(big(target)).compareTo(big(b).xor(big(target))));
        assertEquals(expected, Integer.signum(target.compareDistance(a, b)));
        assertEquals(-expected, Integer.signum(target.compareDistance(b, a)));
        assertEquals(expected, Integer.signum(a.distanceTo(target).compareTo(b.distanceTo(target))));
    }

    @Property
    void compareToIsUnsignedOrder(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Key a = Key.random(random);
        Key b = Key.random(random);
        assertEquals(Integer.signum(big(a).compareTo(big(b))), Integer.signum(a.compareTo(b)));
    }

    @Property
    void bytesHexAndWordsRoundTrip(@ForAll long seed) {
        Key key = Key.random(new SplittableRandom(seed));
        assertEquals(key, Key.of(key.toBytes()));
        assertEquals(key, Key.fromHex(key.toString()));
        assertEquals(key, Key.fromHex(key.toString().toUpperCase()));
        assertEquals(key, Key.ofWords(key.word(0), key.word(1), key.word(2), key.word(3)));
        assertEquals(key, fromBig(big(key)));
        assertEquals(String.format("%064x", big(key)), key.toString());
        assertEquals(key.hashCode(), Key.of(key.toBytes()).hashCode());
    }

    @Property
    void testBitMatchesBigInteger(@ForAll long seed, @ForAll @IntRange(min = 0, max = 255) int bit) {
        Key key = Key.random(new SplittableRandom(seed));
        assertEquals(big(key).testBit(bit), key.testBit(bit));
    }

    @Property
    void randomInBucketLandsInThatBucket(@ForAll long seed, @ForAll @IntRange(min = 0, max = 255) int index) {
        SplittableRandom random = new SplittableRandom(seed);
        Key local = Key.random(random);
        Key inBucket = local.randomInBucket(index, random);
        assertEquals(index, local.bucketIndex(inBucket));
        BigInteger distance = big(local).xor(big(inBucket));
        assertTrue(distance.compareTo(BigInteger.ONE.shiftLeft(index)) >= 0);
        assertTrue(distance.compareTo(BigInteger.ONE.shiftLeft(index + 1)) < 0);
    }

    @Test
    void sha256OfStringIsTheDigestOfItsUtf8Bytes() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("héllo".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(digest, Key.sha256("héllo").toBytes());
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                Key.sha256("hello").toString());
    }

    @Test
    void keyToItselfHasZeroDistanceAndNoBucket() {
        Key key = Key.sha256("self");
        assertEquals(Distance.ZERO, key.distanceTo(key));
        assertEquals(0, Distance.ZERO.bitLength());
        assertEquals(-1, key.bucketIndex(key));
        assertEquals(256, key.commonPrefixLength(key));
        assertEquals(0, key.compareDistance(key, key));
    }

    @Test
    void sameSeedGivesSameKeys() {
        assertEquals(Key.random(new SplittableRandom(7)), Key.random(new SplittableRandom(7)));
        assertNotEquals(Key.random(new SplittableRandom(7)), Key.random(new SplittableRandom(8)));
    }

    @Test
    void wrongLengthsAreRefusedWithMessages() {
        IllegalArgumentException shortBytes =
                assertThrows(IllegalArgumentException.class, () -> Key.of(new byte[31]));
        assertEquals("a key is 32 bytes; got 31 bytes", shortBytes.getMessage());
        IllegalArgumentException shortHex = assertThrows(IllegalArgumentException.class, () -> Key.fromHex("abc"));
        assertEquals("a key is 64 hex digits; got 3 characters", shortHex.getMessage());
        IllegalArgumentException badDigit = assertThrows(IllegalArgumentException.class,
                () -> Key.fromHex("g" + "0".repeat(63)));
        assertEquals("not a hex digit at index 0: 'g'", badDigit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Key.ZERO.randomInBucket(256, new SplittableRandom(1)));
        assertThrows(IndexOutOfBoundsException.class, () -> Key.ZERO.testBit(256));
    }

    @Test
    void distancePrintsFixedWidthHex() {
        Key a = Key.ofWords(0, 0, 0, 1);
        Key b = Key.ofWords(0, 0, 0, 3);
        assertEquals("0".repeat(63) + "2", a.distanceTo(b).toString());
        assertEquals(2, a.distanceTo(b).bitLength());
        assertEquals(64, Key.ZERO.toString().length());
        assertEquals("0000000000000000", Key.ZERO.toShortString(16));
    }
}
