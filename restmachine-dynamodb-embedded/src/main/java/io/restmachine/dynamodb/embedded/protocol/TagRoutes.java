package io.restmachine.dynamodb.embedded.protocol;

import static io.restmachine.dynamodb.embedded.protocol.Shapes.*;

import com.fasterxml.jackson.core.JsonGenerator;
import io.restmachine.dynamodb.embedded.action.Tagging;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wire side of tagging: shapes, decoders and renderers of TagResource, UntagResource and
 * ListTagsOfResource, and the {@code Tags} member CreateTable shares with TagResource.
 */
final class TagRoutes {
    private TagRoutes() {}

    /** A list of {@code Tag}s as TagResource and CreateTable declare it. */
    static Shape tags() {
        return list(element(
                "Tag",
                "Key",
                string(notNull(), minLength(1), maxLength(128), regex(Tagging.TAG_PATTERN)),
                "Value",
                string(notNull(), minLength(0), maxLength(256), regex(Tagging.TAG_PATTERN))));
    }

    static final Shape.Struct TAG_RESOURCE = request("ResourceArn", string(maxLength(1283)), "Tags", tags());

    static final Shape.Struct UNTAG_RESOURCE =
            request("ResourceArn", string(maxLength(1283)), "TagKeys", list(string(minLength(1), maxLength(128))));

    static final Shape.Struct LIST_TAGS_OF_RESOURCE =
            request("ResourceArn", string(maxLength(1283)), "NextToken", string());

    static List<Route> routes() {
        return List.of(
                new Route.Typed<>(
                        "TagResource",
                        TAG_RESOURCE,
                        false,
                        TagRoutes::tagResource,
                        Tagging.TAG_RESOURCE,
                        TagRoutes::nothing),
                new Route.Typed<>(
                        "UntagResource",
                        UNTAG_RESOURCE,
                        false,
                        TagRoutes::untagResource,
                        Tagging.UNTAG_RESOURCE,
                        TagRoutes::nothing),
                new Route.Typed<>(
                        "ListTagsOfResource",
                        LIST_TAGS_OF_RESOURCE,
                        false,
                        TagRoutes::listTagsOfResource,
                        Tagging.LIST_TAGS_OF_RESOURCE,
                        TagRoutes::tagList));
    }

    static Tagging.TagRequest tagResource(Fields request) {
        String arn = request.string("ResourceArn");
        List<Object> tags = request.list("Tags");
        Tagging.check("TagResource", arn, "tags", tags, "Atleast one Tag needs to be provided as Input.");
        Map<String, String> map = tagMap(tags);
        Tagging.checkKeys(map);
        return new Tagging.TagRequest(arn, map);
    }

    static Tagging.UntagRequest untagResource(Fields request) {
        String arn = request.string("ResourceArn");
        List<Object> keys = request.list("TagKeys");
        Tagging.check("UntagResource", arn, "tagKeys", keys, "Atleast one Tag Key needs to be provided as Input.");
        List<String> names = new ArrayList<>();
        for (Object key : keys) {
            names.add((String) key);
        }
        return new Tagging.UntagRequest(arn, names);
    }

    static Tagging.ListRequest listTagsOfResource(Fields request) {
        String arn = request.string("ResourceArn");
        Tagging.check("ListTagsOfResource", arn, null, null, "");
        return new Tagging.ListRequest(arn);
    }

    /** The tags of a decoded {@code Tags} list by key, the last value of a repeated key winning. */
    static Map<String, String> tagMap(@Nullable List<Object> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (Object value : tags) {
                Fields tag = (Fields) value;
                map.put(tag.text("Key"), tag.text("Value"));
            }
        }
        return map;
    }

    private static void nothing(JsonGenerator out, Tagging.Done done) {
        // TagResource and UntagResource answer HTTP 200 with an empty body.
    }

    private static void tagList(JsonGenerator out, Tagging.TagList result) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("Tags");
        for (Map.Entry<String, String> tag : result.tags().entrySet()) {
            out.writeStartObject();
            out.writeStringField("Key", tag.getKey());
            out.writeStringField("Value", tag.getValue());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
