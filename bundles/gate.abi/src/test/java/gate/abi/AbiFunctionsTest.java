package gate.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The function numbers of {@link ProgramAbi#functionId} are the C runtime's (runtime.native
 * include/gate/abi_area.h, enum gate_abi_fn), and every WASI function the Java ABI resolves has
 * one, in both WASI modules.
 */
class AbiFunctionsTest {
    private static final Path HEADER = Path.of("../../runtime.native/include/gate/abi_area.h");

    /** {@code GATE_ABI_FN_NAME = n} of the header, by name. */
    private static Map<String, Integer> headerIds() throws IOException {
        Map<String, Integer> ids = new TreeMap<>();
        Matcher m = Pattern.compile("GATE_ABI_FN_([A-Z_]+) = (\\d+),").matcher(Files.readString(HEADER));
        while (m.find()) {
            ids.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return ids;
    }

    @Test
    void numbersAreTheRuntimes() throws IOException {
        Map<String, Integer> ids = headerIds();
        assertEquals(1, ids.get("IO"));
        assertEquals(2, ids.get("FD"));
        assertEquals(ids.get("IO"), AbiFunctions.gate("io_65536"));
        assertEquals(ids.get("FD"), AbiFunctions.gate("fd_65536"));
        int named = 0;
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            String name = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (AbiFunctions.wasiNames().contains(name)) {
                assertEquals(e.getValue(), AbiFunctions.wasi(name, false), name);
                assertEquals(e.getValue() | AbiFunctions.UNSTABLE, AbiFunctions.wasi(name, true), name);
                named++;
            }
        }
        assertEquals(18, named, "functions 3..20 have their own number");
        Map<String, String> groups = Map.of("ESPIPE_GROUP", "fd_seek", "ENOTSUP_GROUP", "fd_close",
                "ENOENT_GROUP", "path_open", "ENOTSOCK_GROUP", "sock_recv");
        for (var g : groups.entrySet()) {
            assertEquals(ids.get(g.getKey()), AbiFunctions.wasi(g.getValue(), false), g.getValue());
        }
    }

    @Test
    void everyWasiFunctionHasANumber() {
        AbiState state = new AbiState(new FakeSession(), ProgramRun.config("p"));
        for (WasiLayout layout : List.of(WasiLayout.PREVIEW1, WasiLayout.UNSTABLE)) {
            ImportTable table = WasiImports.table(state, layout);
            for (String name : table.names()) {
                assertTrue(AbiFunctions.wasi(name, false) > 2, name);
            }
            assertEquals(table.names(), AbiFunctions.wasiNames());
        }
    }
}
