package io.restmachine.dynamodb.embedded.protocol;

import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.Numbers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code NextToken} of ExecuteStatement: where a SELECT stopped (its LastEvaluatedKey, whose
 * values are always S, N or B key values) bound to a digest of the statement, so that a token
 * resumes only the statement that gave it ("NextToken does not match request" otherwise).
 */
final class NextTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String INVALID = "Invalid NextToken";

    private NextTokens() {}

    static String encode(String statement, Map<String, DynamoValue> key) {
        StringBuilder token = new StringBuilder(digest(statement));
        for (Map.Entry<String, DynamoValue> entry : key.entrySet()) {
            DynamoValue value = entry.getValue();
            String text;
            if (value instanceof DynamoValue.S s) {
                text = s.value();
            } else if (value instanceof DynamoValue.N n) {
                text = Numbers.format(n);
            } else if (value instanceof DynamoValue.B b) {
                text = Base64.getEncoder().encodeToString(b.value());
            } else {
                throw new IllegalArgumentException("A key value is S, N or B, not " + value.type());
            }
            token.append('.').append(part(entry.getKey()));
            token.append('.').append(part(value.type()));
            token.append('.').append(part(text));
        }
        return token.toString();
    }

    /** The key a token stands for, checked against the statement it is sent with. */
    static Map<String, DynamoValue> decode(String token, String statement) {
        String[] parts = token.split("\\.", -1);
        if (parts.length % 3 != 1) {
            throw EngineException.validation(INVALID);
        }
        if (!parts[0].equals(digest(statement))) {
            throw EngineException.validation("NextToken does not match request");
        }
        Map<String, DynamoValue> key = new LinkedHashMap<>();
        try {
            for (int i = 1; i < parts.length; i += 3) {
                String type = text(parts[i + 1]);
                String value = text(parts[i + 2]);
                key.put(
                        text(parts[i]),
                        switch (type) {
                            case "S" -> new DynamoValue.S(value);
                            case "N" -> Numbers.parse(value);
                            case "B" -> new DynamoValue.B(Base64.getDecoder().decode(value));
                            default -> throw EngineException.validation(INVALID);
                        });
            }
        } catch (IllegalArgumentException e) {
            throw EngineException.validation(INVALID);
        }
        return key;
    }

    private static String part(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String part) {
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    }

    private static String digest(@Nullable String statement) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(statement).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
