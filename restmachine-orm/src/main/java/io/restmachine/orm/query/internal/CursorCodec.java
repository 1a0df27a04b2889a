package io.restmachine.orm.query.internal;

import io.restmachine.orm.InvalidCursorException;
import io.restmachine.orm.ItemValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pagination cursors: an opaque, URL-safe string (base64url, no padding) of a version byte, the
 * query's fingerprint, the start key, how many items the page evaluated and kept (so the next page
 * can size its first request by the filter's share), and an HMAC-SHA256 tag (first 16 bytes) over
 * all of it. A
 * cursor that was truncated, altered, re-encoded, signed with another key, or made for another
 * query (another entity type, index, key condition, filter or order) is rejected with {@link
 * InvalidCursorException}.
 */
public final class CursorCodec {
    /** Cursors with a start key only. */
    private static final byte VERSION_1 = 1;
    /** Cursors that also carry how many items the page evaluated and kept (a hint for the next page's Limit). */
    private static final byte VERSION = 2;
    /** Version 2 cursors of a read of several requests (a polymorphic query), naming the request to resume. */
    private static final byte PARTS_VERSION = 3;

    private static final int TAG = 16;
    private static final int FINGERPRINT = 16;

    private final SecretKeySpec key;

    /** A codec signing with this secret. */
    public CursorCodec(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * Where a cursor resumes.
     *
     * @param startKey the key attributes of the last item returned
     * @param scanned items the page that made the cursor evaluated (0 when unknown)
     * @param matched items of those that passed the filter (0 when unknown)
     */
    public record Position(Map<String, ItemValue> startKey, int scanned, int matched) {
        public Position {
            startKey = Map.copyOf(startKey);
        }
    }

    /** The cursor resuming after the item whose key attributes are given. */
    public String encode(byte[] fingerprint, Map<String, ItemValue> startKey) {
        return encode(fingerprint, new Position(startKey, 0, 0));
    }

    /** The cursor resuming at this position. */
    public String encode(byte[] fingerprint, Position position) {
        return encode(VERSION, fingerprint, 0, position);
    }

    /**
     * The cursor of a read made of several requests: resume request {@code part} at this position
     * (an empty start key: at its start).
     */
    public String encodePart(byte[] fingerprint, int part, Position position) {
        if (part < 0 || part > 255) {
            throw new IllegalArgumentException("part " + part + " is out of range 0..255");
        }
        return encode(PARTS_VERSION, fingerprint, part, position);
    }

    private String encode(byte version, byte[] fingerprint, int part, Position position) {
        Map<String, ItemValue> startKey = position.startKey();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(version);
            out.write(fingerprint, 0, FINGERPRINT);
            if (version == PARTS_VERSION) {
                out.writeByte(part);
            }
            Map<String, ItemValue> sorted = new TreeMap<>(startKey);
            out.writeByte(sorted.size());
            for (Map.Entry<String, ItemValue> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                ItemValue v = e.getValue();
                if (v instanceof ItemValue.S s) {
                    out.writeByte('S');
                    writeString(out, s.value());
                } else if (v instanceof ItemValue.N n) {
                    out.writeByte('N');
                    writeString(out, n.value().toString());
                } else if (v instanceof ItemValue.B b) {
                    out.writeByte('B');
                    byte[] raw = b.value();
                    out.writeInt(raw.length);
                    out.write(raw);
                } else {
                    throw new IllegalArgumentException("key attribute " + e.getKey() + " is not S, N or B: " + v);
                }
            }
            out.writeInt(position.scanned());
            out.writeInt(position.matched());
            byte[] payload = bytes.toByteArray();
            byte[] token = Arrays.copyOf(payload, payload.length + TAG);
            System.arraycopy(tag(payload), 0, token, payload.length, TAG);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The start key of a cursor made for the query with this fingerprint, whose start keys consist
     * of exactly {@code attributes}.
     */
    public Map<String, ItemValue> decode(String cursor, byte[] fingerprint, List<String> attributes) {
        return position(cursor, fingerprint, attributes).startKey();
    }

    /** {@link #decode}, with the counts of the page that made the cursor (0 for a version 1 cursor). */
    public Position position(String cursor, byte[] fingerprint, List<String> attributes) {
        PartPosition p = read(cursor, fingerprint, false);
        if (!p.position().startKey().keySet().equals(new java.util.HashSet<>(attributes))) {
            throw invalid("it does not hold this query's start key");
        }
        return p.position();
    }

    /**
     * Where a cursor of a read of several requests resumes; {@code attributes} gives the start-key
     * attributes of each of its requests.
     */
    public PartPosition decodePart(String cursor, byte[] fingerprint, List<List<String>> attributes) {
        PartPosition p = read(cursor, fingerprint, true);
        Map<String, ItemValue> key = p.position().startKey();
        if (p.part() >= attributes.size()
                || !(key.isEmpty() || key.keySet().equals(new java.util.HashSet<>(attributes.get(p.part()))))) {
            throw invalid("it does not hold this query's start key");
        }
        return p;
    }

    /**
     * Where a read of several requests resumes.
     *
     * @param part the request to resume
     * @param position where in it (an empty start key: at its start)
     */
    public record PartPosition(int part, Position position) {}

    private PartPosition read(String cursor, byte[] fingerprint, boolean parts) {
        byte[] token = strictDecode(cursor);
        if (token.length < 1 + FINGERPRINT + 1 + TAG) {
            throw invalid("it is too short (truncated?)");
        }
        byte[] payload = Arrays.copyOf(token, token.length - TAG);
        byte[] tag = Arrays.copyOfRange(token, token.length - TAG, token.length);
        if (!MessageDigest.isEqual(tag, tag(payload))) {
            throw invalid("its signature does not match (altered, truncated, or made with another cursor key)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
            byte version = in.readByte();
            if (version != VERSION && version != VERSION_1 && version != PARTS_VERSION) {
                throw invalid("it was made by an incompatible version");
            }
            byte[] print = new byte[FINGERPRINT];
            in.readFully(print);
            if ((version == PARTS_VERSION) != parts
                    || !MessageDigest.isEqual(print, Arrays.copyOf(fingerprint, FINGERPRINT))) {
                throw invalid("it belongs to another query (different entity type, index, conditions or order)");
            }
            int part = version == PARTS_VERSION ? in.readUnsignedByte() : 0;
            int n = in.readUnsignedByte();
            Map<String, ItemValue> key = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int type = in.readUnsignedByte();
                ItemValue v;
                switch (type) {
                    case 'S' -> v = new ItemValue.S(readString(in));
                    case 'N' -> v = new ItemValue.N(new BigDecimal(readString(in)));
                    case 'B' -> {
                        int len = in.readInt();
                        if (len < 0 || len > payload.length) {
                            throw invalid("it is malformed");
                        }
                        byte[] raw = new byte[len];
                        in.readFully(raw);
                        v = new ItemValue.B(raw);
                    }
                    default -> throw invalid("it is malformed");
                }
                key.put(name, v);
            }
            int scanned = 0;
            int matched = 0;
            if (version != VERSION_1) {
                scanned = in.readInt();
                matched = in.readInt();
                if (scanned < 0 || matched < 0 || matched > scanned) {
                    throw invalid("it is malformed");
                }
            }
            if (in.available() != 0) {
                throw invalid("it does not hold this query's start key");
            }
            return new PartPosition(part, new Position(key, scanned, matched));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidCursorException ice) {
                throw ice;
            }
            throw new InvalidCursorException(
                    "Invalid cursor: it is malformed. Pass the cursor of a page of this same "
                            + "query unchanged, or start again without a cursor.",
                    e);
        }
    }

    private static byte[] strictDecode(String cursor) {
        if (cursor.isEmpty()) {
            throw invalid("it is empty");
        }
        for (int i = 0; i < cursor.length(); i++) {
            char c = cursor.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw invalid("it contains '" + c + "', which no cursor has (re-encoded or altered?)");
            }
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not valid base64url (truncated?)");
        }
        // Only the canonical encoding is accepted, so every cursor has exactly one spelling.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(cursor)) {
            throw invalid("it is not in canonical form (re-encoded?)");
        }
        return raw;
    }

    private byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > in.available()) {
            throw invalid("it is malformed");
        }
        byte[] utf8 = new byte[len];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static InvalidCursorException invalid(String why) {
        return new InvalidCursorException("Invalid cursor: " + why
                + ". Pass the cursor of a page of this same query unchanged, or start again without a cursor.");
    }
}
