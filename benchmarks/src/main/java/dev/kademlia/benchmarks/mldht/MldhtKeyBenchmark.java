package dev.kademlia.benchmarks.mldht;

import dev.kademlia.benchmarks.key.KeyInputs;
import java.util.concurrent.TimeUnit;
import lbms.plugins.mldht.kad.Key;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

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
 * <p>The harness is {@code KeyDistanceBenchmark}'s, step for step: the inputs are held in {@code Object}
 * arrays and cast at each use, as that benchmark holds every representation, so the two figures differ by
 * the operation alone. {@link #inputs} measures what both share (the harness, the index, loading and
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

    /** Per-thread position in the inputs. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
    }

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
     * Which of two keys is closer to a target, by mldht.
     *
     * @param thread the position in the inputs
     * @return the comparison
     */
    @Benchmark
    public int threeWayDistance(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return ((Key) targets[i]).threeWayDistance((Key) as[i], (Key) bs[i]);
    }

    /**
     * The floor under {@link #threeWayDistance} and {@code KeyDistanceBenchmark.compareDistance}: the same
     * harness, index and three inputs loaded and cast, with no comparison (the keys' references are
     * compared, which reads none of their bits).
     *
     * @param thread the position in the inputs
     * @return which of the inputs are the same object (none are)
     */
    @Benchmark
    public int inputs(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        Key target = (Key) targets[i];
        Key a = (Key) as[i];
        return (target == a ? 1 : 0) | (a == (Key) bs[i] ? 2 : 0);
    }

    /**
     * The XOR distance of two keys, by mldht.
     *
     * @param thread the position in the inputs
     * @return the distance
     */
    @Benchmark
    public Key distance(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return ((Key) as[i]).distance((Key) bs[i]);
    }
}
