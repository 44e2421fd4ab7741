package gate.compiler;

import gate.compiler.gen.AreaLayout;
import gate.compiler.gen.FunctionInfo;
import gate.compiler.gen.Site;
import gate.compiler.gen.SiteKind;
import gate.compiler.gen.TrapRange;
import gate.wasm.ValType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable serialised form of a {@link CompiledProgram} for the on-disk program cache (keyed by
 * module hash and {@link Compiler#COMPILER_VERSION}): big-endian, a magic and the compiler
 * version first, then every field in record order; exports sorted by name so that equal programs
 * serialise to equal bytes. Reading checks every count against the bytes left, so a damaged cache
 * file is an {@link IOException}, never an OutOfMemoryError.
 */
public final class ProgramCodec {
    /** "GATEPRG" and a format byte. */
    public static final long MAGIC = 0x4741544550524701L;

    private ProgramCodec() {}

    /** Serialises {@code program}. */
    public static byte[] write(CompiledProgram program) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(program.text().length + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(program.compilerVersion());
            out.writeInt(program.text().length);
            out.write(program.text());
            out.writeInt(program.entry());
            out.writeInt(program.resume());
            out.writeInt(program.functions().size());
            for (FunctionInfo f : program.functions()) {
                for (int v : new int[] {f.index(), f.textStart(), f.textEnd(), f.typeId(),
                    f.params(), f.declaredLocals(), f.frameSize()}) {
                    out.writeInt(v);
                }
            }
            Map<String, Integer> exports = new TreeMap<>(program.exports());
            out.writeInt(exports.size());
            for (Map.Entry<String, Integer> e : exports.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue());
            }
            out.writeInt(program.sites().size());
            for (Site s : program.sites()) {
                out.writeInt(s.textOffset());
                out.writeByte(s.kind().ordinal());
                out.writeInt(s.function());
                out.writeInt(s.codeOffset());
                out.writeInt(s.operands().size());
                for (ValType t : s.operands()) {
                    out.writeByte(t.code);
                }
            }
            out.writeInt(program.trapRanges().size());
            for (TrapRange r : program.trapRanges()) {
                out.writeInt(r.textStart());
                out.writeInt(r.textEnd());
                out.writeInt(r.function());
                out.writeInt(r.codeOffset());
            }
            AreaLayout area = program.area();
            out.writeInt(area.globals());
            writeRegions(out, area.tables());
            writeRegions(out, area.elements());
            out.writeInt(area.dataLengths().length);
            for (int d : area.dataLengths()) {
                out.writeInt(d);
            }
            out.writeInt(area.foreign().offset());
            out.writeInt(area.foreign().capacity());
            out.writeInt(area.size());
            out.writeLong(program.memoryPages());
            out.writeLong(program.maxMemoryPages());
            writeIntMap(out, program.foreignEntries());
            writeIntMap(out, program.functionThunks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeRegions(DataOutputStream out, List<AreaLayout.Region> regions)
            throws IOException {
        out.writeInt(regions.size());
        for (AreaLayout.Region r : regions) {
            out.writeInt(r.offset());
            out.writeInt(r.capacity());
        }
    }

    /** Reads a serialised program; a wrong magic, version or damaged data is an IOException. */
    public static CompiledProgram read(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        try {
            if (in.readLong() != MAGIC) {
                throw new IOException("not a serialised Gate program");
            }
            int version = in.readInt();
            if (version != Compiler.COMPILER_VERSION) {
                throw new IOException("program of compiler version " + version + ", this is "
                        + Compiler.COMPILER_VERSION);
            }
            byte[] text = new byte[count(in, 1)];
            in.readFully(text);
            int entry = in.readInt();
            int resume = in.readInt();
            List<FunctionInfo> functions = new ArrayList<>();
            for (int i = count(in, 28); i > 0; i--) {
                functions.add(new FunctionInfo(in.readInt(), in.readInt(), in.readInt(),
                        in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            }
            Map<String, Integer> exports = new LinkedHashMap<>();
            for (int i = count(in, 6); i > 0; i--) {
                exports.put(in.readUTF(), in.readInt());
            }
            List<Site> sites = new ArrayList<>();
            for (int i = count(in, 17); i > 0; i--) {
                int offset = in.readInt();
                int kind = in.readUnsignedByte();
                if (kind >= SiteKind.values().length) {
                    throw new IOException("bad site kind " + kind);
                }
                int function = in.readInt();
                int codeOffset = in.readInt();
                List<ValType> operands = new ArrayList<>();
                for (int k = count(in, 1); k > 0; k--) {
                    ValType type = ValType.ofCode(in.readUnsignedByte());
                    if (type == null) {
                        throw new IOException("bad value type in the stack map");
                    }
                    operands.add(type);
                }
                sites.add(new Site(offset, SiteKind.values()[kind], function, codeOffset,
                        operands));
            }
            List<TrapRange> ranges = new ArrayList<>();
            for (int i = count(in, 16); i > 0; i--) {
                ranges.add(new TrapRange(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            }
            int globals = in.readInt();
            List<AreaLayout.Region> tables = readRegions(in);
            List<AreaLayout.Region> elements = readRegions(in);
            int[] dataLengths = new int[count(in, 4)];
            for (int i = 0; i < dataLengths.length; i++) {
                dataLengths[i] = in.readInt();
            }
            AreaLayout.Region foreign = new AreaLayout.Region(in.readInt(), in.readInt());
            AreaLayout area = new AreaLayout(globals, tables, elements, dataLengths, foreign, in.readInt());
            long pages = in.readLong();
            long max = in.readLong();
            Map<Integer, Integer> foreignEntries = readIntMap(in);
            Map<Integer, Integer> functionThunks = readIntMap(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes after the program");
            }
            return new CompiledProgram(version, text, entry, resume, functions, exports, sites,
                    ranges, area, pages, max, foreignEntries, functionThunks);
        } catch (EOFException e) {
            throw new IOException("truncated serialised program", e);
        }
    }

    private static void writeIntMap(DataOutputStream out, Map<Integer, Integer> map) throws IOException {
        Map<Integer, Integer> sorted = new TreeMap<>(map);
        out.writeInt(sorted.size());
        for (Map.Entry<Integer, Integer> e : sorted.entrySet()) {
            out.writeInt(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static Map<Integer, Integer> readIntMap(DataInputStream in) throws IOException {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = count(in, 8); i > 0; i--) {
            map.put(in.readInt(), in.readInt());
        }
        return map;
    }

    private static List<AreaLayout.Region> readRegions(DataInputStream in) throws IOException {
        List<AreaLayout.Region> regions = new ArrayList<>();
        for (int i = count(in, 8); i > 0; i--) {
            regions.add(new AreaLayout.Region(in.readInt(), in.readInt()));
        }
        return regions;
    }

    /** A count whose entries of at least {@code minBytes} each fit in what is left. */
    private static int count(DataInputStream in, int minBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytes > in.available()) {
            throw new IOException("count " + n + " exceeds the data");
        }
        return n;
    }
}
