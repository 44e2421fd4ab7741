package gate.compiler;

import gate.compiler.gen.AreaLayout;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.TrapRange;
import java.util.List;
import java.util.Map;

/**
 * A module compiled to x86-64 for the native runtime (runtime.native DESIGN.md §4-5): the text
 * (offset 0 = text base) and everything the loader and the snapshot code need to know about it.
 * Immutable; {@link ProgramCodec} gives its stable serialised form for the on-disk cache.
 *
 * @param compilerVersion {@link Compiler#COMPILER_VERSION} of the compiler that made it
 * @param text the machine code, trap stubs, function table and passive data bytes
 * @param entry text offset of the entry routine (start function, then the entry function)
 * @param resume text offset of the resume routine ({@code pop rbp; ret}, see RUNTIME-NEEDS.md)
 * @param functions per function of the module index space: where it is and its frame
 * @param exports per exported function: the text offset of its invoke thunk, which takes in rdi
 *     the address of an array of 8-byte slots holding the arguments and receiving the results
 * @param sites the stack map: call sites, entry checks, loop checks, import stubs
 * @param trapRanges machine code ranges of instructions that can trap
 * @param area the globals area layout below the memory base (globals, tables, segments)
 * @param memoryPages initial memory size in pages (0 without memory)
 * @param maxMemoryPages maximum memory size in pages
 * @param foreignEntries per canonical type id, the text offset of the entry through which
 *     call_indirect calls a function of another instance of that type (an adapter to the foreign
 *     stub, whose IMPORT site of function -1 calls the host slot); empty without foreign functions
 * @param functionThunks per defined function that is exported or can be referenced (element
 *     segments, global initialisers): the text offset of its invoke thunk, so that the host can
 *     call it by index when another instance's table holds it
 */
public record CompiledProgram(
        int compilerVersion,
        byte[] text,
        int entry,
        int resume,
        List<FunctionInfo> functions,
        Map<String, Integer> exports,
        List<Site> sites,
        List<TrapRange> trapRanges,
        AreaLayout area,
        long memoryPages,
        long maxMemoryPages,
        Map<Integer, Integer> foreignEntries,
        Map<Integer, Integer> functionThunks) {
    /** What the foreign stub passes to the host slot instead of an import index. */
    public static final int FOREIGN_CALL = 0x7fffffff;

    public CompiledProgram {
        functionThunks = Map.copyOf(functionThunks);
        foreignEntries = Map.copyOf(foreignEntries);
        functions = List.copyOf(functions);
        exports = Map.copyOf(exports);
        sites = List.copyOf(sites);
        trapRanges = List.copyOf(trapRanges);
    }

    /** The function whose code contains text offset {@code pc}, or null. */
    public FunctionInfo functionAt(int pc) {
        for (FunctionInfo info : functions) {
            if (pc >= info.textStart() && pc < info.textEnd()) {
                return info;
            }
        }
        return null;
    }

    /** The stack map entry at exactly {@code textOffset}, or null. */
    public Site siteAt(int textOffset) {
        for (Site site : sites) {
            if (site.textOffset() == textOffset) {
                return site;
            }
        }
        return null;
    }

    /**
     * The entry routine's return address from the entry function (or the start function when
     * there is none): the outermost return address of a rebuilt stack; -1 if it calls nothing.
     */
    public int entryReturn() {
        int last = -1;
        for (Site site : sites) {
            if (site.function() < 0 && site.textOffset() > entry && site.textOffset() < resume) {
                last = Math.max(last, site.textOffset());
            }
        }
        return last;
    }

    /** The trapping instruction whose code contains a trap's pc, or null. */
    public TrapRange trapAt(int pc) {
        for (TrapRange range : trapRanges) {
            if (pc >= range.textStart() && pc <= range.textEnd()) {
                return range;
            }
        }
        return null;
    }
}
