package se.susam.inloggning.login;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;

import se.susam.inloggning.identity.Personnummer;

/**
 * How the session's attributes are stored ({@code SPRING_SESSION_ATTRIBUTES.ATTRIBUTE_BYTES}): the
 * values every login stores and every request after it reads, in a compact form of their own, and
 * anything else with Java serialization as Spring Session stores it. Java serialization cost a
 * login more CPU than any single statement: each value carries its class descriptions, and reading
 * one looks every class up again; a SUS session's security context took 1.5 KB.
 *
 * <p>The compact forms begin with a tag byte below {@code 0x10}; a Java serialization stream begins
 * with {@code 0xAC}, so sessions stored before this form, or by a node without it, are still read.
 * Only exact types are written compactly, and only values whose every part the form holds (a
 * security context only with a {@link SusPrincipal}, no credentials, no details and plain
 * authorities); anything else goes to Java serialization whole, so a value always reads back equal.
 */
public final class SessionAttributeCodec implements ConversionService {

    private static final byte STRING = 1;
    private static final byte LONG = 2;
    // 3 was the CSRF token's form, until the token moved to a cookie of its own; not to be reused.
    private static final byte SUS_CONTEXT = 4;
    private static final byte JAVA_SERIALIZATION = (byte) 0xAC;

    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer;

    /** @param classLoader where Java serialization finds the classes of what it reads */
    public SessionAttributeCodec(ClassLoader classLoader) {
        this.deserializer = new DeserializingConverter(classLoader);
    }

    @Override
    public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
        return targetType == byte[].class || sourceType == byte[].class;
    }

    @Override
    public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return targetType.getType() == byte[].class || (sourceType != null && sourceType.getType() == byte[].class);
    }

    @Override
    public <T> T convert(Object source, Class<T> targetType) {
        return targetType.cast(convert(source, TypeDescriptor.forObject(source), TypeDescriptor.valueOf(targetType)));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        return targetType.getType() == byte[].class ? encode(source) : decode((byte[]) source);
    }

    /** The stored form of {@code value}. */
    byte[] encode(Object value) {
        Class<?> type = value.getClass();
        if (type == String.class) {
            byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[text.length + 1];
            out[0] = STRING;
            System.arraycopy(text, 0, out, 1, text.length);
            return out;
        }
        if (type == Long.class) {
            return write(LONG, out -> out.writeLong((Long) value));
        }
        if (type == SecurityContextImpl.class && compact((SecurityContextImpl) value)) {
            return write(SUS_CONTEXT, out -> writeContext((SecurityContextImpl) value, out));
        }
        return serializer.convert(value);
    }

    /** The value stored as {@code bytes}, in either form. */
    Object decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("Empty session attribute");
        }
        return switch (bytes[0]) {
            case STRING -> new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            case LONG -> read(bytes, DataInputStream::readLong);
            case SUS_CONTEXT -> read(bytes, SessionAttributeCodec::readContext);
            case JAVA_SERIALIZATION -> deserializer.convert(bytes);
            default -> throw new IllegalArgumentException("Unknown session attribute form " + bytes[0]);
        };
    }

    /** Whether the compact form holds all of {@code context}. */
    private static boolean compact(SecurityContextImpl context) {
        return context.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getClass() == UsernamePasswordAuthenticationToken.class
                && token.isAuthenticated() && token.getCredentials() == null && token.getDetails() == null
                && token.getPrincipal() instanceof SusPrincipal principal && principal.personnummer() != null
                && principal.fullName() != null && principal.method() != null && principal.authenticatedAt() != null
                && token.getAuthorities().stream().allMatch(a -> a.getClass() == SimpleGrantedAuthority.class);
    }

    private static void writeContext(SecurityContextImpl context, DataOutputStream out) throws IOException {
        UsernamePasswordAuthenticationToken token = (UsernamePasswordAuthenticationToken) context.getAuthentication();
        SusPrincipal principal = (SusPrincipal) token.getPrincipal();
        out.writeLong(principal.personId());
        out.writeUTF(principal.personnummer().value());
        out.writeUTF(principal.fullName());
        out.writeUTF(principal.method().name());
        out.writeLong(principal.authenticatedAt().getEpochSecond());
        out.writeInt(principal.authenticatedAt().getNano());
        out.writeInt(principal.grants().size());
        for (SusPrincipal.GrantSummary grant : principal.grants()) {
            out.writeUTF(grant.organisation());
            writeStrings(grant.roles(), out);
        }
        writeStrings(principal.staffRoles(), out);
        writeStrings(token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), out);
    }

    private static SecurityContextImpl readContext(DataInputStream in) throws IOException {
        long personId = in.readLong();
        Personnummer personnummer = new Personnummer(in.readUTF());
        String fullName = in.readUTF();
        LoginMethod method = LoginMethod.valueOf(in.readUTF());
        Instant authenticatedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        int grantCount = in.readInt();
        List<SusPrincipal.GrantSummary> grants = new ArrayList<>(grantCount);
        for (int i = 0; i < grantCount; i++) {
            grants.add(new SusPrincipal.GrantSummary(in.readUTF(), readStrings(in)));
        }
        List<String> staffRoles = readStrings(in);
        List<SimpleGrantedAuthority> authorities = readStrings(in).stream().map(SimpleGrantedAuthority::new).toList();
        SusPrincipal principal = new SusPrincipal(personId, personnummer, fullName, method, authenticatedAt, grants,
                staffRoles);
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }

    private static void writeStrings(List<String> values, DataOutputStream out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readUTF();
        }
        return List.of(values);
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private interface Reading<T> {
        T from(DataInputStream in) throws IOException;
    }

    private static byte[] write(byte tag, Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(tag);
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            T value = reading.from(in);
            if (in.read() != -1) {
                throw new IllegalArgumentException("Session attribute longer than its form");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("Session attribute shorter than its form", e);
        }
    }
}
