package io.restmachine.dynamodb.embedded.action;

import io.restmachine.dynamodb.embedded.error.DynamoError;
import io.restmachine.dynamodb.embedded.error.EngineException;
import io.restmachine.dynamodb.embedded.error.ErrorType;
import io.restmachine.dynamodb.embedded.table.Table;
import io.restmachine.dynamodb.embedded.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * TagResource, UntagResource and ListTagsOfResource: a table's tags, addressed by its ARN, checked
 * in DynamoDB's order (sources in docs/conformance.md, "Tagging"): a missing ARN, then an ARN that
 * is not an ARN at all or belongs to another account (AccessDeniedException), then missing tags,
 * then an ARN that does not name a table, then an empty list; then the table lookup.
 */
public final class Tagging {
    /** DynamoDB's limit on the tags of one table (tags with the {@code aws:} prefix aside). */
    public static final int MAX_TAGS = 50;

    private static final Pattern ANY_ARN = Pattern.compile("^.+:.+:.+:.+:.+:.+/.+$", Pattern.DOTALL);
    private static final Pattern TABLE_ARN =
            Pattern.compile("^arn:aws:dynamodb:([^:]+):(\\d+):table/([^/]{2}[^/]+)$", Pattern.DOTALL);

    private Tagging() {}

    /** TagResource's request: the tags to add or overwrite, in request order. */
    public record TagRequest(String resourceArn, Map<String, String> tags) {
        public TagRequest {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

    /** UntagResource's request: the keys to remove (absent keys are no error). */
    public record UntagRequest(String resourceArn, List<String> tagKeys) {
        public UntagRequest {
            tagKeys = List.copyOf(tagKeys);
        }
    }

    /** ListTagsOfResource's request. */
    public record ListRequest(String resourceArn) {}

    /** A table's tags, in key order. */
    public record TagList(Map<String, String> tags) {}

    /** The result of TagResource and UntagResource: nothing (an empty HTTP body). */
    public record Done() {}

    /** TagResource. */
    public static final Action<TagRequest, Done> TAG_RESOURCE = (request, engine) -> {
        Table table = table(
                engine,
                request.resourceArn(),
                "Requested resource not found: ResourcArn: " + request.resourceArn() + " not found");
        engine.database().retag(table, current -> {
            Map<String, String> next = new TreeMap<>(current);
            next.putAll(request.tags());
            if (next.size() > MAX_TAGS) {
                throw tooMany(current.size(), next.size() - current.size());
            }
            return next;
        });
        return new Done();
    };

    /** UntagResource. */
    public static final Action<UntagRequest, Done> UNTAG_RESOURCE = (request, engine) -> {
        Table table = table(engine, request.resourceArn(), "Requested resource not found");
        engine.database().retag(table, current -> {
            Map<String, String> next = new TreeMap<>(current);
            request.tagKeys().forEach(next::remove);
            return next;
        });
        return new Done();
    };

    /** ListTagsOfResource: every tag of the table (at most 50, so never paged). */
    public static final Action<ListRequest, TagList> LIST_TAGS_OF_RESOURCE = (request, engine) -> new TagList(table(
                    engine,
                    request.resourceArn(),
                    "Requested resource not found: ResourcArn: " + request.resourceArn() + " not found")
            .tags());

    /**
     * The characters a tag key or value may hold: Unicode letters, digits and white space, and
     * {@code _ . : / = + - @}, written as AWS writes its common tag pattern.
     */
    public static final String TAG_PATTERN = "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$";

    /** The key prefix AWS keeps for its own tags, in any letter case. */
    public static final String RESERVED_PREFIX = "aws:";

    /**
     * ValidationException for a table that would have more than {@link #MAX_TAGS} tags (DynamoDB
     * answers ValidationException, not the LimitExceededException its API reference lists; the
     * wording is the engine's: docs/conformance.md, "Tagging").
     */
    static EngineException tooMany(int existing, int added) {
        return EngineException.validation("One or more parameter values were invalid: A table can have at most "
                + MAX_TAGS + " tags; it has " + existing + " and the request adds " + added);
    }

    /**
     * Refuses a tag key with the reserved {@code aws:} prefix (any letter case), on TagResource and
     * CreateTable alike, before the table is looked up.
     */
    public static void checkKeys(Map<String, String> tags) {
        for (String key : tags.keySet()) {
            if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
                throw EngineException.validation("One or more parameter values were invalid: Tag key '" + key
                        + "' starts with 'aws:', a prefix reserved for tags AWS assigns; choose another key");
            }
        }
    }

    /**
     * The checks DynamoDB makes on a {@code ResourceArn} and its list before it looks the table
     * up, in its order.
     *
     * @param operation the action's name, for AccessDeniedException
     * @param listMember the list's wire name ({@code tags}, {@code tagKeys}), null for ListTagsOfResource
     * @param list the list, null when absent
     * @param emptyMessage the message for an empty list
     */
    public static void check(
            String operation,
            @Nullable String resourceArn,
            @Nullable String listMember,
            @Nullable List<?> list,
            String emptyMessage) {
        if (resourceArn == null) {
            throw EngineException.validation("Invalid TableArn");
        }
        if (!ANY_ARN.matcher(resourceArn).matches() || !ownAccount(resourceArn)) {
            throw new DynamoError(
                            ErrorType.ACCESS_DENIED,
                            "User: arn:aws:iam::" + TableDefinition.ACCOUNT + ":root is not authorized to perform:"
                                    + " dynamodb:" + operation + " on resource: "
                                    + (resourceArn.isEmpty() ? "*" : resourceArn))
                    .toException();
        }
        if (listMember != null && list == null) {
            throw EngineException.validation("1 validation error detected: Value null at '" + listMember
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!TABLE_ARN.matcher(resourceArn).matches()) {
            throw EngineException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + resourceArn);
        }
        if (list != null && list.isEmpty()) {
            throw EngineException.validation(emptyMessage);
        }
    }

    /** Whether a well-formed ARN names this engine's account (or no account at all). */
    private static boolean ownAccount(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length < 5 || !parts[4].matches("\\d{12}") || parts[4].equals(TableDefinition.ACCOUNT);
    }

    /** The table a checked ARN names in this engine's region, or ResourceNotFoundException. */
    private static Table table(Engine engine, String arn, String notFound) {
        java.util.regex.Matcher matcher = TABLE_ARN.matcher(arn);
        if (matcher.matches() && matcher.group(1).equals(TableDefinition.REGION)) {
            java.util.Optional<Table> table = engine.database().find(matcher.group(3));
            if (table.isPresent() && table.get().definition().arn().equals(arn)) {
                return table.get();
            }
        }
        throw new DynamoError(ErrorType.RESOURCE_NOT_FOUND, notFound).toException();
    }
}
