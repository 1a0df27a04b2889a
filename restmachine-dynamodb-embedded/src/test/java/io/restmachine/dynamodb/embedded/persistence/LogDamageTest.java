package io.restmachine.dynamodb.embedded.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.dynamodb.embedded.EmbeddedDynamoDB;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Damage to the files, made by hand: what recovery accepts, cuts, reports and refuses. */
class LogDamageTest extends PersistenceTest {

    /** A crash image of an engine holding table "things" with items k0..k{count-1}, one record each. */
    private Path imageWithItems(int count) {
        EmbeddedDynamoDB db = open(dataDir());
        DynamoDbClient client = db.client();
        createTable(client, "things", null);
        for (int i = 0; i < count; i++) {
            int n = i;
            client.putItem(b -> b.tableName("things").item(item("pk", "k" + n, "payload", "value " + n)));
        }
        Path image = crashImage(dataDir());
        db.close();
        return image;
    }

    /** Offsets of the records of a segment, walking the frames. */
    private static List<Integer> recordOffsets(byte[] segment) {
        return recordOffsets(segment, FileFormat.LOG_START);
    }

    private static List<Integer> recordOffsets(byte[] segment, int start) {
        List<Integer> offsets = new ArrayList<>();
        int position = start;
        while (position < segment.length) {
            offsets.add(position);
            position += FileFormat.FRAME_HEADER_SIZE + ByteBuffer.wrap(segment).getInt(position);
        }
        return offsets;
    }

    @Test
    void open_withAPartialRecordAtTheEnd_cutsItReportsItAndKeepsEveryCompleteWrite() throws IOException {
        Path image = imageWithItems(5);
        Path segment = onlySegment(image);
        long soundLength = Files.size(segment);
        // The start of a record whose write stopped midway: a full frame header, 10 of 200 payload bytes.
        ByteBuffer torn = ByteBuffer.allocate(18).putInt(200).putInt(0x12345678);
        Files.write(segment, torn.array(), StandardOpenOption.APPEND);

        EmbeddedDynamoDB db = open(image);

        RecoveryReport report = db.recoveryReport().orElseThrow();
        assertThat(report.clean()).isFalse();
        TornTail tail = report.tornTail().orElseThrow();
        assertThat(tail.file()).isEqualTo(segment.toAbsolutePath());
        assertThat(tail.offset()).isEqualTo(soundLength);
        assertThat(tail.problem()).isEqualTo("partial record: length 200 but only 10 bytes follow");
        assertThat(tail.bytesDiscarded()).isEqualTo(18);
        assertThat(Files.size(segment)).as("the tail is cut away").isEqualTo(soundLength);
        assertThat(RestartRoundTripTest.pks(db.client(), "things"))
                .containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4");
    }

    @Test
    void open_withAPartialFrameHeaderAtTheEnd_cutsIt() throws IOException {
        Path image = imageWithItems(2);
        Path segment = onlySegment(image);
        long soundLength = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);

        TornTail tail = open(image).recoveryReport().orElseThrow().tornTail().orElseThrow();

        assertThat(tail.offset()).isEqualTo(soundLength);
        assertThat(tail.problem()).isEqualTo("partial record header (3 of 8 bytes)");
    }

    @Test
    void open_whenTheLastRecordFailsItsChecksum_cutsThatRecordOnly() throws IOException {
        Path image = imageWithItems(4);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        List<Integer> offsets = recordOffsets(bytes);
        int last = offsets.get(offsets.size() - 1);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(segment, bytes);

        EmbeddedDynamoDB db = open(image);

        TornTail tail = db.recoveryReport().orElseThrow().tornTail().orElseThrow();
        assertThat(tail.offset()).isEqualTo(last);
        assertThat(tail.problem()).startsWith("checksum mismatch (stored ");
        assertThat(tail.bytesDiscarded()).isEqualTo(bytes.length - last);
        assertThat(RestartRoundTripTest.pks(db.client(), "things")).containsExactlyInAnyOrder("k0", "k1", "k2");
    }

    @Test
    void open_afterATornTailWasCut_isCleanTheNextTime() throws IOException {
        Path image = imageWithItems(2);
        Files.write(onlySegment(image), new byte[] {0, 0, 0, 9, 1, 2}, StandardOpenOption.APPEND);
        EmbeddedDynamoDB first = open(image);
        assertThat(first.recoveryReport().orElseThrow().clean()).isFalse();
        first.client().putItem(b -> b.tableName("things").item(item("pk", "after-recovery")));
        Path second = crashImage(image);
        first.close();

        EmbeddedDynamoDB db = open(second);

        assertThat(db.recoveryReport().orElseThrow().clean()).isTrue();
        assertThat(RestartRoundTripTest.pks(db.client(), "things"))
                .containsExactlyInAnyOrder("k0", "k1", "after-recovery");
    }

    @Test
    void open_whenARecordInTheMiddleFailsItsChecksum_refusesSayingWhereAndHowToProceed() throws IOException {
        Path image = imageWithItems(5);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        List<Integer> offsets = recordOffsets(bytes);
        int damaged = offsets.get(2);
        bytes[damaged + FileFormat.FRAME_HEADER_SIZE + 1] ^= 0x01;
        Files.write(segment, bytes);

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("The log segment " + segment.toAbsolutePath() + " is damaged at offset " + damaged
                        + " (checksum mismatch")
                .hasMessageContaining(
                        "before offset " + offsets.get(offsets.size() - 1) + ", up to which it had been synced")
                .hasMessageContaining("restmachine-orm accept-log-loss --data-dir '" + image.toAbsolutePath() + "'")
                .hasMessageContaining("EmbeddedDynamoDB.acceptLogLoss(Path.of(\"" + image.toAbsolutePath() + "\"))");
        assertThat(Files.readAllBytes(segment)).as("nothing is cut").isEqualTo(bytes);
    }

    @Test
    void open_whenALengthInTheMiddleIsDamaged_findsTheLaterRecordsAndRefuses() throws IOException {
        Path image = imageWithItems(5);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        int damaged = recordOffsets(bytes).get(1);
        ByteBuffer.wrap(bytes).putInt(damaged, 0x7fff0000);
        Files.write(segment, bytes);

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is damaged at offset " + damaged + " (bad record length 2147418112)")
                .hasMessageContaining("writes that were acknowledged would be lost");
    }

    @Test
    void open_afterFollowingTheRefusalsAdvice_keepsWhatPrecedesTheDamage() throws IOException {
        Path image = imageWithItems(5);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        int damaged = recordOffsets(bytes).get(4);
        bytes[damaged + 5] ^= 0x10;
        Files.write(segment, bytes);
        assertThatThrownBy(() -> open(image)).isInstanceOf(StorageException.class);

        List<String> changes = EmbeddedDynamoDB.acceptLogLoss(image);
        EmbeddedDynamoDB db = open(image);

        assertThat(changes).singleElement().asString().contains("damaged at offset " + damaged);
        assertThat(db.recoveryReport().orElseThrow().clean()).isTrue();
        // Records: the table, then k0, k1, k2; k3 was in the damaged record and later ones were cut.
        assertThat(RestartRoundTripTest.pks(db.client(), "things")).containsExactlyInAnyOrder("k0", "k1", "k2");
        Path kept = segment.resolveSibling(segment.getFileName() + ".lost-at-" + damaged);
        assertThat(Files.readAllBytes(kept))
                .as("the cut bytes are kept")
                .isEqualTo(java.util.Arrays.copyOfRange(bytes, damaged, bytes.length));
    }

    @Test
    void open_whenTheSnapshotIsDamaged_refuses() throws IOException {
        EmbeddedDynamoDB db = open(dataDir());
        createTable(db.client(), "things", null);
        db.client().putItem(b -> b.tableName("things").item(item("pk", "k")));
        db.close();
        Path snapshot = dataDir().resolve("snapshot");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[FileFormat.HEADER_SIZE + FileFormat.FRAME_HEADER_SIZE + 2] ^= 0x01;
        Files.write(snapshot, bytes);

        assertThatThrownBy(() -> open(dataDir()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("The snapshot " + snapshot.toAbsolutePath() + " is damaged at offset "
                        + FileFormat.HEADER_SIZE + " (checksum mismatch")
                .hasMessageContaining("Restore the directory from a backup");
    }

    @Test
    void open_whenTheSnapshotIsCutShort_refuses() throws IOException {
        EmbeddedDynamoDB db = open(dataDir());
        createTable(db.client(), "things", null);
        db.close();
        Path snapshot = dataDir().resolve("snapshot");
        byte[] bytes = Files.readAllBytes(snapshot);
        int endRecordLength = ByteBuffer.wrap(bytes)
                        .getInt(recordOffsets(bytes, FileFormat.HEADER_SIZE).get(1))
                + 8;
        Files.write(snapshot, java.util.Arrays.copyOf(bytes, bytes.length - endRecordLength));

        assertThatThrownBy(() -> open(dataDir()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("it ends without its end record");
    }

    @Test
    void open_whenASegmentOfAnotherFormatVersionIsFound_refusesNamingBothVersions() throws IOException {
        Path image = imageWithItems(1);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        byte[] header = ByteBuffer.allocate(FileFormat.HEADER_SIZE)
                .put(FileFormat.LOG_MAGIC)
                .putInt(99)
                .putLong(1)
                .array();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(header, 0, 20);
        ByteBuffer.wrap(header).putInt(20, (int) crc.getValue());
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(segment, bytes);

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("format version 99 but this engine reads version 1 or 2");
    }

    @Test
    void open_whenALogSegmentIsMissing_refuses() throws IOException {
        Path image = imageWithItems(1);
        Files.move(onlySegment(image), image.resolve(String.format("wal-%020d.log", 2)));

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is missing wal-00000000000000000001.log");
    }

    @Test
    void open_whenTheLastSegmentHasOnlyPartOfItsHeader_refusesUntilTheLossIsAccepted() throws IOException {
        Path image = imageWithItems(1);
        EmbeddedDynamoDB compacting = open(image);
        compacting.close();
        // Segments are created whole (temp file, sync, rename), so a partial header is damage.
        Path next = image.resolve(String.format("wal-%020d.log", 3));
        Files.write(next, new byte[] {'R', 'M', 'D'});

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("the file header is incomplete (3 of 24 bytes)")
                .hasMessageContaining("accept-log-loss");
        assertThat(EmbeddedDynamoDB.acceptLogLoss(image))
                .singleElement()
                .asString()
                .contains("set aside wal-00000000000000000003.log as wal-00000000000000000003.log.lost");
        EmbeddedDynamoDB db = open(image);
        db.client().putItem(b -> b.tableName("things").item(item("pk", "later")));
        Path again = crashImage(image);
        assertThat(RestartRoundTripTest.pks(open(again).client(), "things")).containsExactlyInAnyOrder("k0", "later");
    }

    @Test
    void open_whenTheLogWasCutToHalf_refusesSayingWhatIsMissing_andLeavesTheFileAsItIs() throws IOException {
        Path image = imageWithItems(40);
        Path segment = onlySegment(image);
        byte[] bytes = Files.readAllBytes(segment);
        int half = bytes.length / 2;
        Files.write(segment, java.util.Arrays.copyOf(bytes, half));
        long mark = FileFormat.syncedMark(bytes);

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("The log segment " + segment.toAbsolutePath() + " ends at offset " + half
                        + ", but it had been synced up to offset " + mark)
                .hasMessageContaining(
                        "the last " + (mark - half) + " bytes, holding writes that were acknowledged," + " are missing")
                .hasMessageContaining("restmachine-orm accept-log-loss --data-dir '" + image.toAbsolutePath() + "'");
        assertThat(Files.size(segment)).as("the evidence is kept").isEqualTo(half);

        EmbeddedDynamoDB.acceptLogLoss(image);
        EmbeddedDynamoDB db = open(image);
        int kept = RestartRoundTripTest.pks(db.client(), "things").size();
        assertThat(kept).isBetween(15, 25);
    }

    @Test
    void open_whenTheLogWasCutToNothing_refuses() throws IOException {
        Path image = imageWithItems(3);
        Path segment = onlySegment(image);
        Files.write(segment, new byte[0]);

        assertThatThrownBy(() -> open(image))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("the file header is incomplete (0 of 24 bytes)");
        assertThat(Files.exists(segment)).isTrue();
    }

    @Test
    void open_withATornTail_keepsTheCutBytesBesideTheSegment() throws IOException {
        Path image = imageWithItems(2);
        Path segment = onlySegment(image);
        long soundLength = Files.size(segment);
        byte[] torn = {0, 0, 0, 9, 1, 2};
        Files.write(segment, torn, StandardOpenOption.APPEND);

        TornTail tail = open(image).recoveryReport().orElseThrow().tornTail().orElseThrow();

        assertThat(tail.keptIn())
                .isEqualTo(segment.resolveSibling(segment.getFileName() + ".torn-at-" + soundLength)
                        .toAbsolutePath());
        assertThat(Files.readAllBytes(tail.keptIn())).isEqualTo(torn);
    }
}
