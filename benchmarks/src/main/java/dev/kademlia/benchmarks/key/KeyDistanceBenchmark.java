package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Key;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The XOR metric on two keys: the distance itself ({@link Key#distanceTo}), kept and used in place, and the
 * comparison of two keys by their distance to a target ({@link Key#compareDistance}), which every lookup
 * and every {@code closest} query performs many times. Ours ({@link KeyModel#KEY}) runs beside the naive
 * references ({@link KeyModel#BYTES}, the original Rust crate's layout, and {@link KeyModel#BIG_INTEGER}).
 *
 * <p>Inputs: {@value KeyInputs#IN_CACHE} seeded random keys per role, prepared in {@link #setUp()}. Random
 * keys differ in their first 64 bits almost always, as ids in a real table do. {@code setUp} also checks
 * that every representation agrees with ours on every input.
 *
 * <p>Each invocation runs the operation once on every input, in a loop, and JMH divides by
 * {@value KeyInputs#IN_CACHE} ({@link OperationsPerInvocation}): per operation that leaves the loop's own
 * cost (an index, three array loads and casts, about a nanosecond) rather than a whole benchmark
 * invocation, which costs several times the operation. This is how the operation runs in the routing table and the lookup: many times in a row on
 * keys already at hand.
 *
 * <p>A distance is a value: {@link #distance} hands each one to a {@link Blackhole}, so it escapes and
 * is allocated (48 bytes for ours), which is what keeping a distance costs in any object representation.
 * {@link #distancesCompared} computes two distances to a target and compares them, the way code that
 * orders by {@code Distance} uses them: a distance that does not escape is never allocated (the JIT
 * keeps ours in registers), so this is the cost of the XOR metric used in place.
 *
 * <p>Ours beside mldht's is {@code MldhtKeyBenchmark}: the same inputs and loops, on typed arrays.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KeyDistanceBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 * (add {@code -p model=KEY} for ours alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyDistanceBenchmark {

    /** The key representation under test. */
    @Param({"KEY", "BYTES", "BIG_INTEGER"})
    KeyModel model;

    private Object[] targets;
    private Object[] as;
    private Object[] bs;

    /** Prepares the inputs and checks the representation against ours. */
    @Setup
    public void setUp() {
        Key[] t = KeyInputs.random(1, KeyInputs.IN_CACHE);
        Key[] a = KeyInputs.random(2, KeyInputs.IN_CACHE);
        Key[] b = KeyInputs.random(3, KeyInputs.IN_CACHE);
        targets = KeyInputs.convert(model, t);
        as = KeyInputs.convert(model, a);
        bs = KeyInputs.convert(model, b);
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            int expected = Integer.signum(t[i].compareDistance(a[i], b[i]));
            int actual = Integer.signum(model.compareDistance(targets[i], as[i], bs[i]));
            int viaDistances = Integer.signum(model.compareDistances(model.distance(targets[i], as[i]),
                    model.distance(targets[i], bs[i])));
            if (expected != actual || expected != viaDistances) {
                throw new IllegalStateException(model + " compares distances wrongly at input " + i);
            }
        }
    }

    /**
     * The XOR distance of two keys, for every input.
     *
     * @param sink receives every distance
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public void distance(Blackhole sink) {
        Object[] a = as;
        Object[] b = bs;
        KeyModel m = model;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sink.consume(m.distance(a[i], b[i]));
        }
    }

    /**
     * Two distances to a target, computed and compared, for every input: which of two keys is closer,
     * through the distance values themselves.
     *
     * @return the sum of the comparisons
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int distancesCompared() {
        Object[] t = targets;
        Object[] a = as;
        Object[] b = bs;
        KeyModel m = model;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sum += m.compareDistances(m.distance(t[i], a[i]), m.distance(t[i], b[i]));
        }
        return sum;
    }

    /**
     * Which of two keys is closer to a target, for every input.
     *
     * @return the sum of the comparisons
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int compareDistance() {
        Object[] t = targets;
        Object[] a = as;
        Object[] b = bs;
        KeyModel m = model;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sum += m.compareDistance(t[i], a[i], b[i]);
        }
        return sum;
    }
}
