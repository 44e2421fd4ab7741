package gate.executor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The native engine's programs in least-recently-used order, bounded by count and by the bytes
 * of their text: a program evicted here lives on while instances use it (they hold it), and its
 * text memfd goes when nothing does (NativeProgram).
 */
final class RecentPrograms {
    private final int maxPrograms;
    private final long maxTextBytes;
    private final LinkedHashMap<String, NativeProgram> programs = new LinkedHashMap<>(16, 0.75f, true);
    private long textBytes;

    RecentPrograms(int maxPrograms, long maxTextBytes) {
        this.maxPrograms = maxPrograms;
        this.maxTextBytes = maxTextBytes;
    }

    synchronized NativeProgram get(String key) {
        return programs.get(key);
    }

    /** Keeps {@code program} under {@code key} (unless one is there already, which it returns). */
    synchronized NativeProgram put(String key, NativeProgram program) {
        NativeProgram there = programs.get(key);
        if (there != null) {
            return there;
        }
        long size = program.compiled().text().length;
        if (size > maxTextBytes) {
            return program;
        }
        programs.put(key, program);
        textBytes += size;
        Iterator<Map.Entry<String, NativeProgram>> eldest = programs.entrySet().iterator();
        while ((programs.size() > maxPrograms || textBytes > maxTextBytes) && eldest.hasNext()) {
            NativeProgram gone = eldest.next().getValue();
            eldest.remove();
            textBytes -= gone.compiled().text().length;
        }
        return program;
    }
}
