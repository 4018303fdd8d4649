package se.susam.inloggning.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashCompilationTest {

    @Test
    void hasherWhenCreatedThenDirectiveForcesTheRoundInlinedInTheGenerator() throws Exception {
        new Argon2idHasher(new Argon2Parameters(8, 1, 1)).hash("Tg3kYbn9");

        String directives = HashCompilation.directivesInForce();

        assertThat(directives).contains("matching: " + HashCompilation.MATCH);
        assertThat(directives).contains("c2 directives:\n  inline: +org/bouncycastle/util/Longs.rotateRight, "
                + "+java/lang/Long.rotateRight, +org/bouncycastle/crypto/generators/Argon2BytesGenerator.access$500, "
                + "+org/bouncycastle/crypto/generators/Argon2BytesGenerator.roundFunction, "
                + "+org/bouncycastle/crypto/generators/Argon2BytesGenerator.G\n");
    }

    @Test
    void ensureDirectiveWhenCalledAgainThenAddedOnlyOnce() throws Exception {
        new Argon2idHasher(new Argon2Parameters(8, 1, 1));
        HashCompilation.ensureDirective();
        HashCompilation.ensureDirective();

        String directives = HashCompilation.directivesInForce();

        assertThat(directives.split("matching: " + HashCompilation.MATCH.replace("*", "\\*").replace(".", "\\."), -1))
                .hasSize(2);
    }
}
