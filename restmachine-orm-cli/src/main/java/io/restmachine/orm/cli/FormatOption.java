package io.restmachine.orm.cli;

import picocli.CommandLine.Option;

/** {@code --typed}: DynamoDB's typed JSON instead of plain JSON. */
final class FormatOption {
    @Option(
            names = "--typed",
            description = "Read and write DynamoDB's typed JSON ({\"name\":{\"S\":\"Alice\"}}) instead of plain JSON")
    boolean typed;

    ItemJson json() {
        return ItemJson.of(typed);
    }
}
