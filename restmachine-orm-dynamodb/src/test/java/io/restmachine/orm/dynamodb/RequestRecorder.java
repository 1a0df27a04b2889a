package io.restmachine.orm.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records every request a client sends, so tests can check what went over the wire. */
final class RequestRecorder implements ExecutionInterceptor {
    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
    }

    void clear() {
        requests.clear();
    }

    <R extends SdkRequest> List<R> sent(Class<R> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
