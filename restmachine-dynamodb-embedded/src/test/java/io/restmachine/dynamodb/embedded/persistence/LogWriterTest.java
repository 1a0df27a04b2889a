package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: writers that arrive during a sync share the next one, and a failed sync poisons the log. */
class LogWriterTest {
    @TempDir
    Path temp;

    /** A file channel whose first {@code force} waits for {@link #release} and whose syncs are counted. */
    static final class GatedChannel extends DelegatingChannel {
        final CountDownLatch firstSyncStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger syncs = new AtomicInteger();
        volatile boolean failSyncs;

        GatedChannel(FileChannel file) {
            super(file);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (syncs.incrementAndGet() == 1) {
                firstSyncStarted.countDown();
                try {
                    if (!release.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("test never released the first sync");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (failSyncs) {
                throw new IOException("simulated fsync failure");
            }
            file.force(metaData);
        }
    }

    private GatedChannel channel() throws IOException {
        Path file = temp.resolve("segment.log");
        Files.write(file, FileFormat.logHeader(1));
        return new GatedChannel(FileChannel.open(file, StandardOpenOption.WRITE));
    }

    private static byte[] payload(int n) {
        return new LogRecord.TableDeleted("table-" + n, "id").encode();
    }

    @Test
    void writersArrivingDuringASync_shareTheNextOne() throws Exception {
        GatedChannel channel = channel();
        LogWriter writer =
                new LogWriter(channel, temp.resolve("segment.log"), FileFormat.LOG_START, FileFormat.LOG_START);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Long>> appends = fourQueuedBehindOneSync(writer, channel, pool);
            assertThat(appends.subList(1, 5))
                    .as("nobody is acknowledged before their sync")
                    .noneMatch(Future::isDone);

            channel.release.countDown();
            for (Future<Long> append : appends) {
                append.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(channel.syncs)
                .as("one sync for the first record, one shared by the four others")
                .hasValue(2);
        List<LogRecord> records = new ArrayList<>();
        RecordScanner.Result result = RecordScanner.scan(
                Files.readAllBytes(temp.resolve("segment.log")),
                FileFormat.LOG_START,
                (offset, bytes) -> records.add(LogRecord.decode(bytes)));
        assertThat(result.damaged()).isFalse();
        assertThat(records).hasSize(5);
    }

    /** A window long enough that only the writers' arrival, never the clock, ends a leader's wait. */
    private static final LogWriter.GatherWindow PATIENT = lastSyncNanos -> TimeUnit.SECONDS.toNanos(30);

    @Test
    void aLeader_waitsForAsManyWritersAsTheLastBatchHeld() throws Exception {
        GatedChannel channel = channel();
        LogWriter writer = new LogWriter(
                channel, temp.resolve("segment.log"), FileFormat.LOG_START, FileFormat.LOG_START, PATIENT);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            // A batch of four: one record syncs alone while four queue behind it.
            List<Future<Long>> first = fourQueuedBehindOneSync(writer, channel, pool);
            channel.release.countDown();
            for (Future<Long> append : first) {
                append.get(30, TimeUnit.SECONDS);
            }
            assertThat(channel.syncs).hasValue(2);

            // The four come back one by one: the first to arrive waits for the other three.
            List<Future<Long>> second = new ArrayList<>();
            second.add(pool.submit(() -> writer.append(payload(5))));
            awaitAppended(writer, 6);
            assertThat(second.get(0))
                    .as("the leader waits for the writers it expects")
                    .isNotDone();
            for (int i = 6; i <= 8; i++) {
                int n = i;
                second.add(pool.submit(() -> writer.append(payload(n))));
            }
            for (Future<Long> append : second) {
                append.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(channel.syncs)
                .as("the four records of the second round share one sync")
                .hasValue(3);
    }

    @Test
    void aLoneWriter_neverWaitsForOthers() throws Exception {
        GatedChannel channel = channel();
        channel.release.countDown();
        LogWriter writer = new LogWriter(
                channel, temp.resolve("segment.log"), FileFormat.LOG_START, FileFormat.LOG_START, PATIENT);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 3; i++) {
                int n = i;
                // Each would take the 30 s window if the writer waited for company.
                pool.submit(() -> writer.append(payload(n))).get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(channel.syncs).as("each record synced as it came").hasValue(3);
    }

    /**
     * Appends record 0, waits until its sync has started (and is held by the gate), then appends
     * records 1-4 and waits until all four are queued behind that sync; returns the five appends.
     */
    private static List<Future<Long>> fourQueuedBehindOneSync(
            LogWriter writer, GatedChannel channel, ExecutorService pool) throws InterruptedException {
        List<Future<Long>> appends = new ArrayList<>();
        appends.add(pool.submit(() -> writer.append(payload(0))));
        assertThat(channel.firstSyncStarted.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 4; i++) {
            int n = i;
            appends.add(pool.submit(() -> writer.append(payload(n))));
        }
        awaitAppended(writer, 5);
        return appends;
    }

    private static void awaitAppended(LogWriter writer, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writer.appended() < count) {
            assertThat(System.nanoTime()).as("writers queue").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void afterAFailedSync_theWriteAndEveryLaterOneAreRefused() throws Exception {
        GatedChannel channel = channel();
        channel.release.countDown();
        channel.failSyncs = true;
        LogWriter writer =
                new LogWriter(channel, temp.resolve("segment.log"), FileFormat.LOG_START, FileFormat.LOG_START);

        assertThatThrownBy(() -> writer.append(payload(1)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not be written or synced, so this write was not stored")
                .hasMessageContaining("reopen the engine")
                .hasRootCauseMessage("simulated fsync failure");
        channel.failSyncs = false;
        assertThatThrownBy(() -> writer.append(payload(2))).isInstanceOf(UncheckedIOException.class);
        assertThat(channel.syncs).as("a poisoned log does not try again").hasValue(1);
    }

    @Test
    void eachSync_marksTheEndOfThePreviousOne_andClose_marksTheWholeSegment() throws Exception {
        GatedChannel channel = channel();
        channel.release.countDown();
        Path file = temp.resolve("segment.log");
        LogWriter writer = new LogWriter(channel, file, FileFormat.LOG_START, FileFormat.LOG_START);

        long afterFirst = writer.append(payload(1));
        assertThat(FileFormat.syncedMark(Files.readAllBytes(file)))
                .as("the first record is past the mark until the next sync")
                .isEqualTo(FileFormat.LOG_START);
        long afterSecond = writer.append(payload(2));
        assertThat(FileFormat.syncedMark(Files.readAllBytes(file))).isEqualTo(afterFirst);
        writer.close();

        byte[] bytes = Files.readAllBytes(file);
        assertThat(FileFormat.syncedMark(bytes)).isEqualTo(afterSecond).isEqualTo(bytes.length);
    }
}
