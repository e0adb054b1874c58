package dev.kademlia.benchmarks.key;

import dev.kademlia.api.Key;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The XOR metric on two keys: the distance itself ({@link Key#distanceTo}), and the comparison of two keys
 * by their distance to a target ({@link Key#compareDistance}), which every lookup and every
 * {@code closest} query performs many times. Ours ({@link KeyModel#KEY}) runs beside the naive references
 * ({@link KeyModel#BYTES}, the original Rust crate's layout, and {@link KeyModel#BIG_INTEGER}).
 *
 * <p>Inputs: {@value KeyInputs#SIZE} seeded random keys per role, prepared in {@link #setUp()} and cycled
 * with a masked index, so the figure is the operation and not the random generator. Random keys differ in
 * their first 64 bits almost always, as ids in a real table do. {@code setUp} also checks that every
 * representation agrees with ours on every input.
 *
 * <p>mldht's counterparts are in {@code MldhtKeyBenchmark}, whose harness is this one step for step (inputs
 * in {@code Object} arrays, cast at each use); its {@code inputs} benchmark measures that shared harness
 * without any operation, the floor under both figures.
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

    /** Per-thread position in the inputs. */
    @State(Scope.Thread)
    public static class ThreadState {
        int index;
    }

    /** Prepares the inputs and checks the representation against ours. */
    @Setup
    public void setUp() {
        Key[] t = KeyInputs.random(1);
        Key[] a = KeyInputs.random(2);
        Key[] b = KeyInputs.random(3);
        targets = KeyInputs.convert(model, t);
        as = KeyInputs.convert(model, a);
        bs = KeyInputs.convert(model, b);
        for (int i = 0; i < KeyInputs.SIZE; i++) {
            int expected = Integer.signum(t[i].compareDistance(a[i], b[i]));
            int actual = Integer.signum(model.compareDistance(targets[i], as[i], bs[i]));
            if (expected != actual) {
                throw new IllegalStateException(model + " compares distances wrongly at input " + i);
            }
        }
    }

    /**
     * The XOR distance of two keys.
     *
     * @param thread the position in the inputs
     * @return the distance
     */
    @Benchmark
    public Object distance(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return model.distance(as[i], bs[i]);
    }

    /**
     * Which of two keys is closer to a target.
     *
     * @param thread the position in the inputs
     * @return the comparison
     */
    @Benchmark
    public int compareDistance(ThreadState thread) {
        int i = thread.index++ & KeyInputs.MASK;
        return model.compareDistance(targets[i], as[i], bs[i]);
    }
}
