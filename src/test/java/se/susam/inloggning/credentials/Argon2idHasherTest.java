package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;

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
}
