package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemValue;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.query.internal.CursorCodec;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CursorCodecPropertiesTest {
    private static final byte[] FINGERPRINT = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> ATTRIBUTES = List.of("pk", "sk", "gsi_pk_X");
    private final CursorCodec codec = new CursorCodec(Fixtures.CURSOR_KEY);

    private static Map<String, ItemValue> key(String pk, long sk, byte[] b) {
        return Map.of("pk", ItemValue.s(pk), "sk", ItemValue.n(BigDecimal.valueOf(sk)), "gsi_pk_X", new ItemValue.B(b));
    }

    @Property
    void anyStartKey_roundTrips(@ForAll String pk, @ForAll long sk, @ForAll byte[] b) {
        String cursor = codec.encode(FINGERPRINT, key(pk, sk, b));

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, FINGERPRINT, ATTRIBUTES)).isEqualTo(key(pk, sk, b));
    }

    @Property
    void anyAlteredByte_isRejected(
            @ForAll String pk,
            @ForAll long sk,
            @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] raw = Base64.getUrlDecoder().decode(codec.encode(FINGERPRINT, key(pk, sk, new byte[] {1})));
        raw[at % raw.length] ^= (byte) xor;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> codec.decode(altered, FINGERPRINT, ATTRIBUTES))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Property
    void anyTruncation_isRejected(@ForAll String pk, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        String cursor = codec.encode(FINGERPRINT, key(pk, 1, new byte[0]));
        String truncated = cursor.substring(0, cursor.length() - 1 - cut % (cursor.length() - 1));

        assertThatThrownBy(() -> codec.decode(truncated, FINGERPRINT, ATTRIBUTES))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Property
    void aCursorOfSeveralRequests_roundTripsItsRequestAndKey(
            @ForAll String pk, @ForAll @IntRange(min = 0, max = 255) int part, @ForAll boolean atStart) {
        Map<String, ItemValue> key = atStart ? Map.of() : key(pk, 7, new byte[] {2});
        String cursor = codec.encodePart(FINGERPRINT, part, new CursorCodec.Position(key, 9, 4));
        List<List<String>> parts = java.util.Collections.nCopies(256, ATTRIBUTES);

        CursorCodec.PartPosition at = codec.decodePart(cursor, FINGERPRINT, parts);

        assertThat(at.part()).isEqualTo(part);
        assertThat(at.position()).isEqualTo(new CursorCodec.Position(key, 9, 4));
        // Each kind of read accepts only its own cursors, and only requests it has.
        assertThatThrownBy(() -> codec.decode(cursor, FINGERPRINT, ATTRIBUTES))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> codec.decodePart(cursor, FINGERPRINT, parts.subList(0, part)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(
                        () -> codec.decodePart(codec.encode(FINGERPRINT, key(pk, 1, new byte[0])), FINGERPRINT, parts))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Property
    void anyAlteredByteOfACursorOfSeveralRequests_isRejected(
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] raw = Base64.getUrlDecoder()
                .decode(codec.encodePart(FINGERPRINT, 1, new CursorCodec.Position(key("p", 1, new byte[] {1}), 0, 0)));
        raw[at % raw.length] ^= (byte) xor;
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> codec.decodePart(altered, FINGERPRINT, List.of(ATTRIBUTES, ATTRIBUTES)))
                .isInstanceOf(InvalidCursorException.class);
    }
}
