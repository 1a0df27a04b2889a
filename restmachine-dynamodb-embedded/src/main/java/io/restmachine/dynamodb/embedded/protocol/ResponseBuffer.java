package io.restmachine.dynamodb.embedded.protocol;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronised growable byte sink that a thread reuses for every response it renders, so that
 * rendering a large page does not regrow a fresh buffer each time. Buffers that grew past
 * {@link #KEPT_CAPACITY} are not kept, so an occasional 16 MB answer does not pin memory per thread.
 */
final class ResponseBuffer extends OutputStream {
    static final int KEPT_CAPACITY = 1024 * 1024;
    private static final ThreadLocal<ResponseBuffer> CURRENT = ThreadLocal.withInitial(ResponseBuffer::new);

    private byte[] bytes = new byte[8 * 1024];
    private int size;

    private ResponseBuffer() {}

    /** This thread's buffer, emptied. */
    static ResponseBuffer acquire() {
        ResponseBuffer buffer = CURRENT.get();
        buffer.size = 0;
        return buffer;
    }

    /** A copy of what was written; drops this thread's buffer if it grew too large to keep. */
    byte[] toByteArray() {
        byte[] copy = Arrays.copyOf(bytes, size);
        if (bytes.length > KEPT_CAPACITY) {
            CURRENT.remove();
        }
        return copy;
    }

    @Override
    public void write(int b) {
        ensure(size + 1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(size + length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, 2 * bytes.length));
        }
    }
}
