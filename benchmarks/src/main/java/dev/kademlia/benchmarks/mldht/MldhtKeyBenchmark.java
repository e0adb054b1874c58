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
 * The XOR metric on mldht's keys (bt-dht 1.9), beside {@code KeyDistanceBenchmark}: the same seeded
 * inputs, cut to mldht's 160 bits ({@link MldhtKeys}).
 *
 * <ul>
 *   <li>{@link #threeWayDistance}: {@link Key#threeWayDistance}, mldht's comparison of two keys by
 *       distance to a target (what its {@code Key.DistanceOrder} and {@code KBucketEntry.DistanceOrder}
 *       comparators call). It finds the first byte where the two keys differ
 *       ({@code java.util.Arrays.mismatch}, through a method handle) and compares that byte's XOR with
 *       the target; it does not allocate. Ours: {@code KeyDistanceBenchmark.compareDistance} with
 *       {@code model=KEY}.</li>
 *   <li>{@link #distance}: {@link Key#distance(Key)}, a new 20-byte key. Ours:
 *       {@code KeyDistanceBenchmark.distance} with {@code model=KEY}.</li>
 * </ul>
 *
 * <p>The loops are {@code KeyDistanceBenchmark}'s, step for step: every input once per invocation, held
 * in {@code Object} arrays and cast at each use, as that benchmark holds every representation, so the two
 * figures differ by the operation alone. {@link #inputs} measures what both share (the loop, loading and
 * casting the three inputs) without the operation: subtract it from either figure for the cost of the
 * operation itself.
 *
 * <p>{@code setUp} checks that mldht orders every input as we do.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MldhtKeyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MldhtKeyBenchmark {

    private Object[] targets;
    private Object[] as;
    private Object[] bs;

    /** Prepares the inputs (those of {@code KeyDistanceBenchmark}) and checks mldht against ours. */
    @Setup
    public void setUp() {
        dev.kademlia.api.Key[] t = KeyInputs.random(1);
        dev.kademlia.api.Key[] a = KeyInputs.random(2);
        dev.kademlia.api.Key[] b = KeyInputs.random(3);
        targets = MldhtKeys.of(t);
        as = MldhtKeys.of(a);
        bs = MldhtKeys.of(b);
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            if (Integer.signum(t[i].compareDistance(a[i], b[i]))
                    != Integer.signum(((Key) targets[i]).threeWayDistance((Key) as[i], (Key) bs[i]))) {
                throw new IllegalStateException("mldht orders input " + i + " differently");
            }
        }
    }

    /**
     * Which of two keys is closer to a target, by mldht, for every input.
     *
     * @return the sum of the comparisons
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.SIZE)
    public int threeWayDistance() {
        Object[] t = targets;
        Object[] a = as;
        Object[] b = bs;
        int sum = 0;
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            sum += ((Key) t[i]).threeWayDistance((Key) a[i], (Key) b[i]);
        }
        return sum;
    }

    /**
     * The floor under {@link #threeWayDistance} and {@code KeyDistanceBenchmark.compareDistance}: the same
     * loop with the three inputs loaded and cast, and no comparison (the keys' references are compared,
     * which reads none of their bits).
     *
     * @return how many inputs are the same object as another (none are)
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.SIZE)
    public int inputs() {
        Object[] t = targets;
        Object[] a = as;
        Object[] b = bs;
        int sum = 0;
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            Key target = (Key) t[i];
            Key first = (Key) a[i];
            sum += (target == first ? 1 : 0) | (first == (Key) b[i] ? 2 : 0);
        }
        return sum;
    }

    /**
     * The XOR distance of two keys, by mldht, for every input.
     *
     * @param sink receives every distance
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.SIZE)
    public void distance(Blackhole sink) {
        Object[] a = as;
        Object[] b = bs;
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            sink.consume(((Key) a[i]).distance((Key) b[i]));
        }
    }
}
