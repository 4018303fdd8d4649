package se.susam.inloggning.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import se.susam.inloggning.identity.Personnummer;

class SessionAttributeCodecTest {

    private static final TypeDescriptor BYTES = TypeDescriptor.valueOf(byte[].class);
    private static final TypeDescriptor OBJECT = TypeDescriptor.valueOf(Object.class);

    private final SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader());

    private static SusPrincipal principal() {
        return new SusPrincipal(42, new Personnummer("198112189876"), "Åsa Öberg", LoginMethod.SMS,
                Instant.parse("2026-12-05T08:15:30.123456789Z"),
                List.of(new SusPrincipal.GrantSummary("Samordningsförbundet Göteborg", List.of("Handläggare", "Läsare")),
                        new SusPrincipal.GrantSummary("Kungälvs kommun", List.of())),
                List.of("KUNDCENTER"));
    }

    private static SecurityContextImpl context(Object details) {
        var token = UsernamePasswordAuthenticationToken.authenticated(principal(), null,
                List.of(new SimpleGrantedAuthority("ROLE_SUS_USER"), new SimpleGrantedAuthority("ROLE_KUNDCENTER")));
        token.setDetails(details);
        return new SecurityContextImpl(token);
    }

    private Object roundTrip(Object value) {
        byte[] stored = (byte[]) codec.convert(value, TypeDescriptor.forObject(value), BYTES);
        return codec.convert(stored, BYTES, OBJECT);
    }

    private byte[] stored(Object value) {
        return (byte[]) codec.convert(value, TypeDescriptor.forObject(value), BYTES);
    }

    @Test
    void susSecurityContextWhenStoredThenCompactAndReadBackEqual() {
        SecurityContextImpl context = context(null);

        byte[] stored = stored(context);
        SecurityContextImpl read = (SecurityContextImpl) roundTrip(context);

        assertThat(stored[0]).isEqualTo((byte) 4);
        assertThat(stored.length).isLessThan(new SerializingConverter().convert(context).length / 3);
        assertThat(read).isEqualTo(context);
        assertThat(read.getAuthentication().isAuthenticated()).isTrue();
        assertThat(read.getAuthentication().getCredentials()).isNull();
        assertThat(read.getAuthentication().getPrincipal()).isEqualTo(principal());
        assertThat(read.getAuthentication().getName()).isEqualTo("person:42");
    }

    @Test
    void securityContextWhenItHoldsMoreThanTheCompactFormThenJavaSerializedAndReadBackEqual() {
        SecurityContextImpl withDetails = context("192.0.2.7");
        SecurityContextImpl otherToken = new SecurityContextImpl(new TestingAuthenticationToken("user", "secret", "ROLE_X"));

        assertThat(stored(withDetails)[0]).isEqualTo((byte) 0xAC);
        assertThat(roundTrip(withDetails)).isEqualTo(withDetails);
        assertThat(stored(otherToken)[0]).isEqualTo((byte) 0xAC);
        assertThat(roundTrip(otherToken)).isEqualTo(otherToken);
    }

    @Test
    void simpleValuesWhenStoredThenReadBackEqual() {
        DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "b1f8a6c0-tokén");

        DefaultCsrfToken read = (DefaultCsrfToken) roundTrip(csrf);

        assertThat(read.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
        assertThat(read.getParameterName()).isEqualTo("_csrf");
        assertThat(read.getToken()).isEqualTo("b1f8a6c0-tokén");
        assertThat(roundTrip("transaktion-åäö")).isEqualTo("transaktion-åäö");
        assertThat(roundTrip("")).isEqualTo("");
        assertThat(roundTrip(1_733_390_000_123L)).isEqualTo(1_733_390_000_123L);
        assertThat(stored("x")[0]).isEqualTo((byte) 1);
        assertThat(stored(7L)[0]).isEqualTo((byte) 2);
        assertThat(stored(csrf)[0]).as("no longer kept in a session: Java-serialized").isEqualTo((byte) 0xAC);
    }

    @Test
    void otherValuesWhenStoredThenJavaSerializedAsSpringSessionDid() {
        ArrayList<String> methods = new ArrayList<>(List.of("BANKID", "TJANSTEKORT_FK"));

        assertThat(stored(methods)).isEqualTo(new SerializingConverter().convert(methods));
        assertThat(roundTrip(methods)).isEqualTo(methods);
        assertThat(roundTrip(Boolean.TRUE)).isEqualTo(Boolean.TRUE);
    }

    /** Sessions stored before the compact forms, or by a node without them, are still read. */
    @Test
    void attributeWhenStoredWithJavaSerializationThenRead() {
        SerializingConverter spring = new SerializingConverter();

        assertThat(codec.convert(spring.convert(context(null)), BYTES, OBJECT)).isEqualTo(context(null));
        assertThat(codec.convert(spring.convert("abc"), BYTES, OBJECT)).isEqualTo("abc");
        assertThat(codec.convert(spring.convert(5L), BYTES, OBJECT)).isEqualTo(5L);
    }

    @Test
    void attributeWhenBytesDamagedThenRefused() {
        byte[] context = stored(context(null));

        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {9, 1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown session attribute form");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(context, context.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(context, context.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> codec.decode(new byte[] {2, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canConvertWhenBytesOnEitherSideThenYes() {
        assertThat(codec.canConvert(Object.class, byte[].class)).isTrue();
        assertThat(codec.canConvert(byte[].class, Object.class)).isTrue();
        assertThat(codec.canConvert(String.class, Long.class)).isFalse();
        assertThat(codec.convert("x", byte[].class)).startsWith(1, 'x');
    }
}
