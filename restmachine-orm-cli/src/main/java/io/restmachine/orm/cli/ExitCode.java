package io.restmachine.orm.cli;

/** The exit statuses of the {@code restmachine-orm} command, as listed in its help. */
enum ExitCode {
    OK(0, "success"),
    FAILED(1, "DynamoDB rejected the request, or another failure"),
    BAD_INPUT(2, "bad options or bad JSON input; nothing was written"),
    UNREACHABLE(3, "the endpoint cannot be reached"),
    NO_TABLE(4, "the table (or index) does not exist"),
    NO_ITEM(5, "get: no item has that key");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** Lines for picocli's exit-code help section: status to meaning. */
    static java.util.Map<String, String> helpLines() {
        java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (ExitCode exit : values()) {
            lines.put(String.format("%3d", exit.code), exit.meaning);
        }
        return lines;
    }
}
