package io.restmachine.dynamodb.embedded.expression;

import io.restmachine.dynamodb.embedded.value.DynamoValue;
import io.restmachine.dynamodb.embedded.value.DynamoValues;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The AST of condition, filter and key-condition expressions; every node evaluates without failing. */
sealed interface ConditionNode extends ConditionExpression {

    @Override
    default Set<String> topLevelAttributes() {
        Set<String> heads = new LinkedHashSet<>();
        collectHeads(this, heads, false);
        return Collections.unmodifiableSet(heads);
    }

    @Override
    default Set<String> nestedAttributes() {
        Set<String> heads = new LinkedHashSet<>();
        collectHeads(this, heads, true);
        return Collections.unmodifiableSet(heads);
    }

    private static void add(DocumentPath path, Set<String> heads, boolean nestedOnly) {
        if (!nestedOnly || !path.isTopLevel()) {
            heads.add(path.head());
        }
    }

    private static void collectHeads(ConditionNode condition, Set<String> heads, boolean nestedOnly) {
        if (condition instanceof Compare c) {
            collectHeads(c.left(), heads, nestedOnly);
            collectHeads(c.right(), heads, nestedOnly);
        } else if (condition instanceof Between b) {
            collectHeads(b.value(), heads, nestedOnly);
            collectHeads(b.lower(), heads, nestedOnly);
            collectHeads(b.upper(), heads, nestedOnly);
        } else if (condition instanceof In in) {
            collectHeads(in.value(), heads, nestedOnly);
            in.candidates().forEach(candidate -> collectHeads(candidate, heads, nestedOnly));
        } else if (condition instanceof And and) {
            collectHeads(and.left(), heads, nestedOnly);
            collectHeads(and.right(), heads, nestedOnly);
        } else if (condition instanceof Or or) {
            collectHeads(or.left(), heads, nestedOnly);
            collectHeads(or.right(), heads, nestedOnly);
        } else if (condition instanceof Not not) {
            collectHeads(not.condition(), heads, nestedOnly);
        } else if (condition instanceof Exists exists) {
            add(exists.path(), heads, nestedOnly);
        } else if (condition instanceof TypeIs typeIs) {
            add(typeIs.path(), heads, nestedOnly);
            collectHeads(typeIs.type(), heads, nestedOnly);
        } else if (condition instanceof BeginsWith beginsWith) {
            collectHeads(beginsWith.value(), heads, nestedOnly);
            collectHeads(beginsWith.prefix(), heads, nestedOnly);
        } else if (condition instanceof Contains contains) {
            collectHeads(contains.container(), heads, nestedOnly);
            collectHeads(contains.element(), heads, nestedOnly);
        }
    }

    private static void collectHeads(Operand operand, Set<String> heads, boolean nestedOnly) {
        if (operand instanceof Operand.Path path) {
            add(path.path(), heads, nestedOnly);
        } else if (operand instanceof Operand.Size size) {
            collectHeads(size.argument(), heads, nestedOnly);
        }
    }

    /** The comparators of {@code a op b}, with DynamoDB's spelling. */
    enum Comparator {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }
    }

    record Compare(Comparator comparator, Operand left, Operand right) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue a = left.evaluate(item);
            DynamoValue b = right.evaluate(item);
            if (comparator == Comparator.EQ) {
                return a != null && a.equals(b);
            }
            if (comparator == Comparator.NE) {
                return a == null || !a.equals(b);
            }
            if (a == null || b == null || !DynamoValues.comparable(a, b)) {
                return false;
            }
            int c = DynamoValues.compare(a, b);
            return switch (comparator) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ, NE -> throw new AssertionError("handled above");
            };
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue v = value.evaluate(item);
            DynamoValue lo = lower.evaluate(item);
            DynamoValue hi = upper.evaluate(item);
            return v != null
                    && lo != null
                    && hi != null
                    && DynamoValues.comparable(v, lo)
                    && DynamoValues.comparable(v, hi)
                    && DynamoValues.compare(v, lo) >= 0
                    && DynamoValues.compare(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue v = value.evaluate(item);
            if (v == null) {
                return false;
            }
            for (Operand candidate : candidates) {
                if (v.equals(candidate.evaluate(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(ConditionNode condition) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            return !condition.test(item);
        }
    }

    /** {@code attribute_exists(path)}, or {@code attribute_not_exists(path)} when negated. */
    record Exists(DocumentPath path, boolean exists) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            return (path.resolve(item) != null) == exists;
        }
    }

    /** {@code attribute_type(path, :type)}. */
    record TypeIs(DocumentPath path, Operand type) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue v = path.resolve(item);
            return v != null
                    && type.evaluate(item) instanceof DynamoValue.S s
                    && s.value().equals(v.type());
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue v = value.evaluate(item);
            DynamoValue p = prefix.evaluate(item);
            return v != null && p != null && DynamoValues.beginsWith(v, p);
        }
    }

    /**
     * {@code contains(path, operand)}: a substring of a string, a subsequence of a binary, a member
     * of a set, or an element of a list.
     */
    record Contains(Operand container, Operand element) implements ConditionNode {
        @Override
        public boolean test(Map<String, DynamoValue> item) {
            DynamoValue c = container.evaluate(item);
            DynamoValue e = element.evaluate(item);
            return c != null && e != null && contains(c, e);
        }

        private static boolean contains(DynamoValue c, DynamoValue e) {
            if (c instanceof DynamoValue.S s) {
                return e instanceof DynamoValue.S sub && s.value().contains(sub.value());
            }
            if (c instanceof DynamoValue.SS ss) {
                return e instanceof DynamoValue.S member && ss.values().contains(member.value());
            }
            if (c instanceof DynamoValue.NS ns) {
                return e instanceof DynamoValue.N member && ns.values().contains(member);
            }
            if (c instanceof DynamoValue.BS bs) {
                return e instanceof DynamoValue.B member && bs.values().contains(member);
            }
            if (c instanceof DynamoValue.L l) {
                return l.values().contains(e);
            }
            if (c instanceof DynamoValue.B b) {
                return e instanceof DynamoValue.B sub && indexOf(b.value(), sub.value()) >= 0;
            }
            return false;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** The always-true condition, for requests without one. */
    static ConditionNode always() {
        return Always.INSTANCE;
    }

    enum Always implements ConditionNode {
        INSTANCE;

        @Override
        public boolean test(Map<String, DynamoValue> item) {
            return true;
        }
    }
}
