package gate.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.abi.AbiConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link AbiArea} writes {@code struct gate_abi_area} as runtime.native include/gate/abi_area.h
 * lays it out (offsets from the header's comments), with every offset and size inside the area
 * as the runtime checks them, and {@link StartRecord} carries the area at bytes 72 and 80.
 */
class AbiAreaTest {
    private static final Path HEADER = Path.of("../../runtime.native/include/gate/abi_area.h");

    /** Field offsets from the header's comments ({@code uint32_t name; /*  12 ...}). */
    private static Map<String, Integer> headerOffsets() throws IOException {
        Map<String, Integer> offsets = new TreeMap<>();
        Matcher m = Pattern.compile("uint(?:32|64)_t (\\w+);\\s+/\\*\\s+(\\d+) ").matcher(Files.readString(HEADER));
        while (m.find()) {
            offsets.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return offsets;
    }

    @Test
    void fieldsAreWhereTheRuntimeReadsThem() throws IOException {
        Map<String, Integer> c = headerOffsets();
        Map<String, Integer> java = Map.ofEntries(Map.entry("area_size", AbiArea.AREA_SIZE),
                Map.entry("import_count", AbiArea.IMPORT_COUNT), Map.entry("bindings_offset", AbiArea.BINDINGS_OFFSET),
                Map.entry("args_offset", AbiArea.ARGS_OFFSET), Map.entry("env_offset", AbiArea.ENV_OFFSET),
                Map.entry("max_send_size", AbiArea.MAX_SEND_SIZE), Map.entry("time_resolution_ns", AbiArea.TIME_RESOLUTION),
                Map.entry("random_limit", AbiArea.RANDOM_LIMIT), Map.entry("random_used", AbiArea.RANDOM_USED),
                Map.entry("random_offset", AbiArea.RANDOM_OFFSET),
                Map.entry("random_capacity", AbiArea.RANDOM_CAPACITY_FIELD), Map.entry("random_count", AbiArea.RANDOM_COUNT),
                Map.entry("stop_reason", AbiArea.STOP_REASON), Map.entry("exit_value", AbiArea.EXIT_VALUE),
                Map.entry("message_offset", AbiArea.MESSAGE_OFFSET), Map.entry("message_len", AbiArea.MESSAGE_LEN),
                Map.entry("state_offset", AbiArea.STATE_OFFSET), Map.entry("state_size", AbiArea.STATE_SIZE_FIELD),
                Map.entry("monotonic_base_ns", AbiArea.MONOTONIC_BASE));
        for (var e : java.entrySet()) {
            assertEquals(c.get(e.getKey()), e.getValue(), e.getKey());
        }
        assertEquals(c.get("args_offset") + 4, c.get("args_size"));
        assertEquals(c.get("env_offset") + 4, c.get("env_size"));
        String text = Files.readString(HEADER);
        assertTrue(text.contains("#define GATE_ABI_STATE_SIZE 0x" + Integer.toHexString(AbiArea.STATE_SIZE) + "u"));
        assertTrue(text.contains("#define GATE_ABI_MESSAGE_SIZE " + AbiArea.MESSAGE_CAPACITY + "u"));
    }

    @Test
    void configurationFitsTheArea() {
        AbiConfig config = new AbiConfig(List.of("prog", "ä b"), List.of("X=1"), 1000, new SecureRandom(), 77, 4096);
        AbiArea area = AbiArea.plan(new int[] {1, 2, 0x108}, config, 0);
        ByteBuffer b = ByteBuffer.wrap(area.image()).order(ByteOrder.LITTLE_ENDIAN);
        int size = area.size();
        assertEquals(0, size % StateLayout.PAGE);
        assertEquals(AbiArea.MAGIC, b.getInt(0));
        assertEquals(1, b.getInt(4));
        assertEquals(3, b.getInt(AbiArea.IMPORT_COUNT));
        int bindings = b.getInt(AbiArea.BINDINGS_OFFSET);
        assertEquals(List.of(1, 2, 0x108), List.of((int) b.getShort(bindings), (int) b.getShort(bindings + 2),
                (int) b.getShort(bindings + 4)));
        assertEquals(List.of("prog", "ä b"), strings(b, AbiArea.ARGS_OFFSET));
        assertEquals(List.of("GATE_ABI_VERSION=0", "GATE_FD=4", "GATE_MAX_SEND_SIZE=65536", "X=1"),
                strings(b, AbiArea.ENV_OFFSET));
        assertEquals(4096, b.getInt(AbiArea.MAX_SEND_SIZE));
        assertEquals(1000, b.getLong(AbiArea.TIME_RESOLUTION));
        assertEquals(77, b.getLong(AbiArea.RANDOM_LIMIT));
        for (int field : new int[] {AbiArea.BINDINGS_OFFSET, AbiArea.ARGS_OFFSET, AbiArea.ENV_OFFSET,
            AbiArea.RANDOM_OFFSET, AbiArea.MESSAGE_OFFSET, AbiArea.STATE_OFFSET}) {
            assertTrue(b.getInt(field) >= AbiArea.HEADER_SIZE && b.getInt(field) < size, "offset at " + field);
        }
        assertEquals(size, b.getInt(AbiArea.STATE_OFFSET) + b.getInt(AbiArea.STATE_SIZE_FIELD));
        assertEquals(0, b.getInt(AbiArea.STATE_OFFSET) % 8);
    }

    @Test
    void argumentsWithNulStayOnTheHostPath() {
        assertNull(AbiArea.plan(new int[0], AbiConfig.of(List.of("a\0b")), 0));
    }

    @Test
    void startRecordNamesTheArea() {
        StateLayout layout = new StateLayout(65536, 4096, 16).withAbiArea(3 * StateLayout.PAGE);
        ByteBuffer b = ByteBuffer.allocate(StartRecord.SIZE);
        StartRecord.fresh(4096, 0, layout, 1).withAbiArea(layout).encode(b);
        b.order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(layout.abiOffset(), b.getLong(72));
        assertEquals(3 * StateLayout.PAGE, b.getInt(80));
        assertEquals(layout.abiOffset() + 3 * StateLayout.PAGE, layout.fileSize());
        assertEquals(8192 + 65536 + 4096 + 16 * 65536, layout.abiOffset());
    }

    private static List<String> strings(ByteBuffer b, int field) {
        int at = b.getInt(field);
        int size = b.getInt(field + 4);
        int count = b.getInt(at);
        String all = new String(b.array(), at + 4, size - 4, StandardCharsets.UTF_8);
        List<String> out = List.of(all.split("\0", -1));
        assertEquals(count + 1, out.size()); // the last NUL ends the block
        return out.subList(0, count);
    }
}
