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
}
