package io.restmachine.dynamodb.embedded.value;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.ErrorType;

/**
 * The one check that a string taken from a request has a UTF-8 form. DynamoDB strings are Unicode
 * stored as UTF-8 ("Strings are Unicode with UTF-8 binary encoding", Supported data types and
 * naming rules), so a Java string holding an unpaired UTF-16 surrogate ({@code \uD800}..{@code
 * \uDFFF} not part of a pair, e.g. from a JSON escape {@code "\ud800"}) cannot be stored: its UTF-8
 * encoding would replace the surrogate with {@code ?} and the write-ahead log would bring back a
 * different string after a restart. DynamoDB answers text that is not valid UTF-8 with a {@code
 * SerializationException} (e.g. aws/aws-sdk-js#46 and aws/aws-sdk-php#353, where non-UTF-8 bytes
 * in a PutItem came back as {@code com.amazon.coral.service#SerializationException}); the engine
 * does the same for every string of a request: attribute values (in sets, lists and maps at any
 * depth), keys, attribute names, expressions and their placeholders, table names.
 *
 * <p>Decoding calls {@link #require} wherever request JSON becomes engine text.
 */
public final class WellFormedText {
    private WellFormedText() {}

    /** The index of the first unpaired surrogate in {@code text}, or -1 if it is well-formed UTF-16. */
    public static int firstUnpairedSurrogate(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * Returns {@code text} if it has a UTF-8 form.
     *
     * @param where what the text is, for the message (e.g. {@code "a string"}, {@code "a member name"})
     * @throws io.restmachine.dynamodb.embedded.error.EngineException a {@code SerializationException}
     *     naming the unpaired surrogate and its index, if it has none
     */
    public static String require(String text, String where) {
        int index = firstUnpairedSurrogate(text);
        if (index >= 0) {
            throw new DynamoError(
                            ErrorType.SERIALIZATION,
                            String.format(
                                    "Invalid UTF-8: %s holds an unpaired surrogate \\u%04X at index %d, which has no"
                                            + " UTF-8 form; DynamoDB strings must be valid Unicode. Send the"
                                            + " complete surrogate pair, or binary (B) for bytes that are not text.",
                                    where, (int) text.charAt(index), index))
                    .toException();
        }
        return text;
    }
}
