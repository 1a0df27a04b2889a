package io.restmachine.orm.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints items as JSON Lines (one object per line) to stdout, counting them on the progress line,
 * and remembers how many plain JSON could not render exactly.
 */
final class ItemPrinter implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ItemJson json;
    private final Progress progress;
    private long lossy;

    ItemPrinter(Streams streams, ItemJson json, String verb) {
        this.out = streams.out();
        this.err = streams.err();
        this.json = json;
        this.progress = new Progress(streams, verb);
    }

    void print(List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            out.println(json.write(item));
            if (json.format() == ItemJson.Format.PLAIN && ItemJson.plainIsLossy(item)) {
                lossy++;
            }
        }
        progress.add(items.size());
    }

    long count() {
        return progress.count();
    }

    /** Ends the progress line; warns once on stderr if sets or binary values were flattened. */
    void close(boolean warnLossy) {
        progress.close();
        out.flush();
        if (warnLossy && lossy > 0) {
            err.println("restmachine-orm: warning: " + lossy + " item(s) hold sets or binary values, written as"
                    + " JSON arrays and base64 strings; re-importing them gives lists and strings."
                    + " Use --typed for an exact copy.");
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
