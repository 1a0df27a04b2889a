package io.restmachine.dynamodb.embedded.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The grammar of projection expressions: comma-separated document paths. */
final class ProjectionParser {
    private ProjectionParser() {}

    static Projection parse(String text, ExpressionContext context) {
        ParseState state = new ParseState(text, "ProjectionExpression", context, Set.of());
        List<DocumentPath> paths = new ArrayList<>();
        state.checkDistinctPath(paths, state.path());
        while (state.at(Token.Kind.COMMA)) {
            state.advance();
            state.checkDistinctPath(paths, state.path());
        }
        state.expectEnd();
        state.problems.throwFirst(
                state.prefix,
                Problems.Kind.RESERVED,
                Problems.Kind.NAME_OR_VALUE,
                Problems.Kind.PATH_OVERLAP,
                Problems.Kind.PATH_CONFLICT);
        return new Projection(paths);
    }
}
