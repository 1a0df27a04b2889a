package io.restmachine.orm.test.internal;

import java.util.Locale;
import java.util.UUID;

/** Unique, valid DynamoDB table names that say which test made them. */
public final class TableNames {
    private static final int MAX_PREFIX = 120;

    private TableNames() {}

    /** {@code rmtest-<Class>-<method>-<12 hex>}: characters DynamoDB allows, at most 255 of them. */
    public static String unique(String testClass, String testMethod) {
        String prefix = "rmtest-" + clean(testClass) + "-" + clean(testMethod);
        if (prefix.length() > MAX_PREFIX) {
            prefix = prefix.substring(0, MAX_PREFIX);
        }
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return prefix + "-" + random.toLowerCase(Locale.ROOT);
    }

    private static String clean(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
