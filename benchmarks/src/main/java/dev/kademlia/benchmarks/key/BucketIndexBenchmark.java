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

/**
 * The k-bucket index of a key relative to the local id ({@link Key#bucketIndex}): the routing table
 * computes it for every message received. Ours ({@link KeyModel#KEY}) runs beside the naive references
 * ({@link KeyModel#BYTES}, which scans the distance bit by bit as the original Rust crate does, and
 * {@link KeyModel#BIG_INTEGER}).
 *
 * <p>Inputs: one seeded local id and {@value KeyInputs#IN_CACHE} seeded random keys, prepared in
 * {@link #setUp()}; each invocation computes the index of every one of them, as
 * {@code KeyDistanceBenchmark} does, and JMH divides by their number. As for the contacts a node hears
 * from, half of them fall in bucket 255, a quarter in bucket 254, and so on. {@code setUp} checks that every representation
 * agrees with ours on every input.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BucketIndexBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BucketIndexBenchmark {

    /** The key representation under test. */
    @Param({"KEY", "BYTES", "BIG_INTEGER"})
    KeyModel model;

    private Object local;
    private Object[] others;

    /** Prepares the inputs and checks the representation against ours. */
    @Setup
    public void setUp() {
        Key localId = KeyInputs.random(4, KeyInputs.IN_CACHE)[0];
        Key[] o = KeyInputs.random(5, KeyInputs.IN_CACHE);
        local = model.convert(localId);
        others = KeyInputs.convert(model, o);
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            if (localId.bucketIndex(o[i]) != model.bucketIndex(local, others[i])) {
                throw new IllegalStateException(model + " computes a wrong bucket index at input " + i);
            }
        }
    }

    /**
     * The bucket index of every input key.
     *
     * @return the sum of the indices
     */
    @Benchmark
    @OperationsPerInvocation(KeyInputs.IN_CACHE)
    public int bucketIndex() {
        Object l = local;
        Object[] o = others;
        KeyModel m = model;
        int sum = 0;
        for (int i = 0; i < KeyInputs.IN_CACHE; i++) {
            sum += m.bucketIndex(l, o[i]);
        }
        return sum;
    }
}
