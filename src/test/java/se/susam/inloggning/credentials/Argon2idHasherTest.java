package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

class Argon2idHasherTest {

    private final Argon2idHasher hasher = new Argon2idHasher(Argon2Parameters.OWASP_MINIMUM);

    @Test
    void hashWhenMadeThenPhcStringWithParametersAndSaltAndVerifies() {
        String phc = hasher.hash("Kaxe4Rpt");
        assertThat(phc).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(hasher.verify("Kaxe4Rpt", phc)).isTrue();
        assertThat(hasher.verify("Kaxe4Rpu", phc)).isFalse();
        assertThat(hasher.hash("Kaxe4Rpt")).as("fresh salt every time").isNotEqualTo(phc);
    }

    @Test
    void verifyWhenHashMadeWithOtherParametersThenUsesTheStoredOnes() {
        Argon2idHasher older = new Argon2idHasher(new Argon2Parameters(1024, 2, 1));
        String oldHash = older.hash("Mj7tLnq3");
        assertThat(hasher.verify("Mj7tLnq3", oldHash)).isTrue();
        assertThat(hasher.needsRehash(oldHash)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("Mj7tLnq3"))).isFalse();
    }

    @Test
    void verifyWhenKnownAnswerFromReferenceImplementationThenMatches() {
        // Produced with the reference implementation (argon2 CLI / PHC winner):
        // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("passwore", reference)).isFalse();
    }

    @Test
    void hashWhenMemoryKeptFromTheThreadsEarlierHashesThenSameAnswersAsFreshMemory() throws Exception {
        // One platform thread hashes many times with its kept memory; a virtual thread (fresh memory
        // each time) and the reference answer must agree with every result.
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        String first = onPlatformThread(() -> hasher.hash("Kaxe4Rpt"));
        String second = onPlatformThread(() -> {
            String a = hasher.hash("Kaxe4Rpt");
            assertThat(hasher.verify("password", reference)).as("after a larger m on the same thread").isTrue();
            assertThat(hasher.verify("Kaxe4Rpt", a)).isTrue();
            assertThat(hasher.verify("Kaxe4Rpt", hasher.hash("Kaxe4Rpt"))).isTrue();
            return a;
        });
        AtomicReference<Boolean> onVirtual = new AtomicReference<>();
        Thread.ofVirtual().start(() -> onVirtual.set(hasher.verify("Kaxe4Rpt", first)
                && hasher.verify("Kaxe4Rpt", second) && !hasher.verify("Kaxe4Rpu", second))).join();
        assertThat(onVirtual.get()).isTrue();
        assertThat(hasher.verify("Kaxe4Rpt", first)).isTrue();
    }

    @Test
    void memoryWhenAComputationEndsThenKeepsItsBlocksUpToCapacityAndHandsThemOutAgain() {
        Argon2Parameters small = new Argon2Parameters(64, 1, 1);
        Argon2Memory memory = Argon2Memory.forParameters(small);
        int capacity = Argon2BytesGenerator.getBlockCount(64, 1) + 4;
        Argon2BytesGenerator.Block[] blocks = new Argon2BytesGenerator.Block[capacity + 3];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = memory.allocate();
        }
        assertThat(memory.kept()).isZero();
        for (Argon2BytesGenerator.Block block : blocks) {
            memory.deallocate(block);
        }
        assertThat(memory.kept()).as("no more than one computation's memory").isEqualTo(capacity);
        assertThat(memory.allocate()).as("the last block given back").isSameAs(blocks[capacity - 1]);
        assertThat(memory.kept()).isEqualTo(capacity - 1);
    }

    private static <T> T onPlatformThread(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.set(work.call());
            } catch (Exception | AssertionError e) {
                failure.set(e instanceof Exception ex ? ex : new IllegalStateException(e));
            }
        });
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
