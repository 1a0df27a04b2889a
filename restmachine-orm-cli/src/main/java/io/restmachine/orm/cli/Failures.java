package io.restmachine.orm.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The one place where AWS SDK failures become the command's one-line errors and exit codes. */
final class Failures {
    private Failures() {}

    static CliException translate(SdkException e, String endpoint, @Nullable String table) {
        if (e instanceof ResourceNotFoundException) {
            String what = table == null ? "the table" : "table '" + table + "'";
            String hint = table == null
                    ? "list tables with `restmachine-orm table list`"
                    : "create it with `restmachine-orm table create --table " + table + "`";
            return new CliException(ExitCode.NO_TABLE, what + " does not exist at " + endpoint + ": " + hint, e);
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorMessage();
            return new CliException(
                    ExitCode.FAILED,
                    endpoint + " rejected the request: " + (message != null ? message : service.getMessage())
                            + (code != null ? " (" + code + ")" : ""),
                    e);
        }
        Throwable network = networkCause(e);
        if (network != null || e instanceof ApiCallTimeoutException) {
            String reason = network == null ? "timed out" : oneLine(network);
            return new CliException(
                    ExitCode.UNREACHABLE,
                    "cannot reach " + endpoint + ": " + reason
                            + " (is the server running? `restmachine-orm serve` starts one on port 8000)",
                    e);
        }
        return new CliException(ExitCode.FAILED, oneLine(e), e);
    }

    private static @Nullable Throwable networkCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return t;
            }
        }
        return null;
    }

    static String oneLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String first = message.lines().findFirst().orElse(message);
        return t instanceof UnknownHostException ? "unknown host " + first : first;
    }
}
