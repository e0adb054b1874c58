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
 * <p>{@code setUp} checks that mldht orders every input as we do.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MldhtKeyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MldhtKeyBenchmark {

    private Key[] targets;
    private Key[] as;
    private Key[] bs;

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
                    != Integer.signum(targets[i].threeWayDistance(as[i], bs[i]))) {
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
        return targets[i].threeWayDistance(as[i], bs[i]);
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
        return as[i].distance(bs[i]);
    }
}
