package se.susam.inloggning.oidc;

import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ID token's {@code sub}: a random identifier made the first time a person reaches a relying
 * party, then the same for ever (OpenID Connect Core §2: "locally unique and never reassigned").
 * It is never the personnummer, which travels only in its own claim and only with its scope.
 */
@Repository
class Subjects {

    private final JdbcClient jdbc;

    Subjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String of(long personId) {
        return find(personId).orElseGet(() -> {
            try {
                jdbc.sql("INSERT INTO oidc_subject (person_id, subject) VALUES (:p, :s)")
                        .param("p", personId).param("s", UUID.randomUUID().toString()).update();
            } catch (DuplicateKeyException e) {
                // another request made it first: use theirs
            }
            return find(personId).orElseThrow();
        });
    }

    private java.util.Optional<String> find(long personId) {
        return jdbc.sql("SELECT subject FROM oidc_subject WHERE person_id = :p").param("p", personId)
                .query(String.class).optional();
    }
}
