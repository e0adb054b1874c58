package dev.kademlia.benchmarks.mldht;

import dev.kademlia.benchmarks.key.KeyInputs;
import java.util.concurrent.TimeUnit;
import lbms.plugins.mldht.kad.Key;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The XOR metric, ours and mldht's (bt-dht 1.9) side by side in one class: the same seeded inputs, cut to
 * mldht's 160 bits for its keys ({@link MldhtKeys}), the same loops over typed arrays.
 *
 * <ul>
 *   <li>{@link #oursCompareDistance} against {@link #mldhtThreeWayDistance}: which of two keys is closer to
 *       a target. Ours is {@link dev.kademlia.api.Key#compareDistance}. mldht's is
 *       {@link Key#threeWayDistance}, what its {@code Key.DistanceOrder} and
 *       {@code KBucketEntry.DistanceOrder} comparators call: it finds the first byte where the two keys
 *       differ ({@code java.util.Arrays.mismatch}, through a method handle) and compares that byte's XOR
 *       with the target. Neither allocates.</li>
 *   <li>{@link #oursDistance} against {@link #mldhtDistance}: the distance of two keys, kept (handed to a
 *       {@link Blackhole}, so it is allocated): ours a 48-byte {@code Distance}, mldht's a new key holding
 *       a new 20-byte array.</li>
 *   <li>{@link #inputs}: the loop with the three inputs loaded and no operation, the floor under both
 *       comparisons: subtract it for the cost of the operation itself.</li>
 * </ul>
 *
 * <p>Each invocation runs the operation once on each of {@value KeyInputs#IN_CACHE} inputs, which stay in
 * the L1 cache, and JMH divides by their number ({@link OperationsPerInvocation}). Our keys are 256 bits,
 * mldht's 160: ours compares more bits. {@code setUp} checks that mldht orders every input as we do.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MldhtKeyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MldhtKeyBenchmark {

    private dev.kademlia.api.Key[] ourTargets;
    private dev.kademlia.api.Key[] ourAs;
    private dev.kademlia.api.Key[] ourBs;
    private Key[] targets;
    private Key[] as;
    private Key[] bs;

    /** Prepares the inputs (those of {@code KeyDistanceBenchmark}) and checks mldht against ours. */
    @Setup
    public void setUp() {
        ourTargets = KeyInputs.random(1, KeyInputs.IN_CACHE);
        ourAs = KeyInputs.random(2, KeyInputs.IN_CACHE);
        ourBs = KeyInputs.random(3, KeyInputs.IN_CACHE);
        targets = MldhtKeys.of(ourTargets);
        as = MldhtKeys.of(ourAs);
        bs = MldhtKeys.of(ourBs);
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            if (Integer.signum(ourTargets[i].compareDistance(ourAs[i], ourBs[i]))
                    != Integer.signum(targets[i].threeWayDistance(as[i], bs[i]))) {
                throw new IllegalStateException("mldht orders input " + i + " differently");
            }
        }
    }

    /**
     * Which of two keys is closer to a target, ours, for every input.
     *
     * @return the sum of the comparisons
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int oursCompareDistance() {
        dev.kademlia.api.Key[] t = ourTargets;
        dev.kademlia.api.Key[] a = ourAs;
        dev.kademlia.api.Key[] b = ourBs;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sum += t[i].compareDistance(a[i], b[i]);
        }
        return sum;
    }

    /**
     * Which of two keys is closer to a target, by mldht, for every input.
     *
     * @return the sum of the comparisons
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int mldhtThreeWayDistance() {
        Key[] t = targets;
        Key[] a = as;
        Key[] b = bs;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sum += t[i].threeWayDistance(a[i], b[i]);
        }
        return sum;
    }

    /**
     * The floor under both comparisons: the same loop with the three inputs loaded, and no comparison
     * (their references are compared, which reads none of their bits).
     *
     * @return how many inputs are the same object as another (none are)
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int inputs() {
        Key[] t = targets;
        Key[] a = as;
        Key[] b = bs;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            Key first = a[i];
            sum += (t[i] == first ? 1 : 0) | (first == b[i] ? 2 : 0);
        }
        return sum;
    }

    /**
     * The XOR distance of two keys, ours, for every input.
     *
     * @param sink receives every distance
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public void oursDistance(Blackhole sink) {
        dev.kademlia.api.Key[] a = ourAs;
        dev.kademlia.api.Key[] b = ourBs;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sink.consume(a[i].distanceTo(b[i]));
        }
    }

    /**
     * The XOR distance of two keys, by mldht, for every input.
     *
     * @param sink receives every distance
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public void mldhtDistance(Blackhole sink) {
        Key[] a = as;
        Key[] b = bs;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sink.consume(a[i].distance(b[i]));
        }
    }
}
