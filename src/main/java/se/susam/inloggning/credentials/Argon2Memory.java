package se.susam.inloggning.credentials;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;

/**
 * The memory of one thread's Argon2id computations, kept between them. Bouncy Castle allocates an
 * Argon2id computation's memory (7 MiB at the default m) block by block from a {@link
 * Argon2BytesGenerator.BlockPool}; by default a new pool each time, so every hash allocated 7 MiB of
 * fresh 1 KiB objects and left them to the garbage collector. This pool hands the same blocks back
 * to the next computation on the same thread. Bouncy Castle zeroes each block before it returns it
 * ({@code Block.clear()}), so nothing of one password stays in memory for the next.
 *
 * <p>Not thread-safe, and need not be: one pool belongs to one thread ({@link Argon2idHasher} keeps
 * it in a thread-local for platform threads only). It keeps at most {@code capacity} blocks; more
 * (a stored hash made with a larger m) are allocated and dropped as before.
 */
final class Argon2Memory implements Argon2BytesGenerator.BlockPool {

    /** Blocks Bouncy Castle takes beside the memory itself, for its working blocks. */
    private static final int WORKING_BLOCKS = 4;

    private final Block[] free;
    private int size;

    private Argon2Memory(int capacity) {
        this.free = new Block[capacity];
    }

    /** A pool that keeps the memory of one computation with {@code parameters}. */
    static Argon2Memory forParameters(Argon2Parameters parameters) {
        return new Argon2Memory(Argon2BytesGenerator.getBlockCount(parameters.memoryKib(), parameters.parallelism())
                + WORKING_BLOCKS);
    }

    @Override
    public Block allocate() {
        return size == 0 ? new Block() : free[--size];
    }

    @Override
    public void deallocate(Block block) {
        if (size < free.length) {
            free[size++] = block;
        }
    }

    /** Blocks kept for the next computation. */
    int kept() {
        return size;
    }
}
