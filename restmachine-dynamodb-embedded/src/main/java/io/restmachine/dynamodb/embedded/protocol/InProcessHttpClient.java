package io.restmachine.dynamodb.embedded.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An AWS SDK {@link SdkHttpClient} that hands each request straight to the {@link ProtocolHandler}
 * in the calling thread: no socket, no serialisation beyond the SDK's own JSON. Requests are
 * trusted ({@link ProtocolHandler#handleInProcess}): the clients {@code EmbeddedDynamoDB} builds do
 * not sign them, and answers carry no CRC32 for the SDK to check.
 */
public final class InProcessHttpClient implements SdkHttpClient {
    private final ProtocolHandler handler;

    public InProcessHttpClient(ProtocolHandler handler) {
        this.handler = handler;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return execute(request);
            }

            @Override
            public void abort() {
                // Calls run synchronously in the caller's thread; there is nothing to abort.
            }
        };
    }

    private HttpExecuteResponse execute(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> header : http.headers().entrySet()) {
            if (!header.getValue().isEmpty()) {
                headers.put(
                        header.getKey().toLowerCase(java.util.Locale.ROOT),
                        header.getValue().get(0));
            }
        }
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        WireResponse response = handler.handleInProcess(http.method().name(), headers, body);
        SdkHttpFullResponse.Builder builder = SdkHttpFullResponse.builder().statusCode(response.status());
        response.headers().forEach(builder::putHeader);
        builder.putHeader("Content-Length", Integer.toString(response.body().length));
        AbortableInputStream content = AbortableInputStream.create(new ByteArrayInputStream(response.body()));
        builder.content(content);
        return HttpExecuteResponse.builder()
                .response(builder.build())
                .responseBody(content)
                .build();
    }

    @Override
    public String clientName() {
        return "restmachine-embedded";
    }

    @Override
    public void close() {}
}
