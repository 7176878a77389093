/**
 * Deterministic elementary functions on {@code jdk.incubator.vector} vectors, with scalar twins for loop tails.
 *
 * <p>dlfs promises the same bits for the same seed. {@code VectorOperators.EXP}, {@code LOG}, {@code TANH} and the
 * like do not keep it: the interpreter computes them one lane at a time with {@link java.lang.Math}, the JIT with a
 * vector math library, and the two disagree in the last bit for a few percent of inputs, so a run would depend on
 * when a loop got compiled. {@link dev.dlfs.tensor.simd.FloatMath} and {@link dev.dlfs.tensor.simd.DoubleMath} are
 * built only from operations that IEEE 754 specifies exactly (add, multiply, divide, fused multiply-add, compare,
 * integer and bit operations), so every function gives the same bits in the interpreter, in C1 and C2, on any CPU,
 * in any lane, and in its scalar form. A value therefore never depends on its position in an array either: loop
 * bodies and scalar tails agree.
 *
 * <p>Use them, not {@code Math.exp} or {@code VectorOperators.EXP}, wherever a result feeds training. Sums have the
 * same problem and one more: {@code reduceLanes(ADD)} may pick its order when compiled, and partial sums kept per
 * lane make the result depend on how many lanes the CPU has (4, 8 or 16 floats). {@link dev.dlfs.tensor.simd.FloatSum}
 * and {@link dev.dlfs.tensor.simd.DoubleSum} add a range in an order fixed by the data alone, so that the same seed
 * gives the same bits on every CPU.
 *
 * <pre>{@code
 * FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, i);
 * FloatMath.exp(v).intoArray(y, i);           // lane j holds the bits of FloatMath.exp(x[i + j])
 * FloatMath.sigmoid(x, 0, y, 0, x.length);   // a whole range: vector loop, scalar tail
 * double total = FloatSum.of(y, 0, y.length); // the same bits at any vector width
 * }</pre>
 */
package dev.dlfs.tensor.simd;
