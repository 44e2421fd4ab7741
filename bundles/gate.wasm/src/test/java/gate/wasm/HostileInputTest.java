package gate.wasm;

import static gate.wasm.TestModules.concat;
import static gate.wasm.TestModules.module;
import static gate.wasm.TestModules.of;
import static gate.wasm.TestModules.u32;
import static gate.wasm.TestModules.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made hostile binaries: each must end in one typed exception, quickly and without OOM. */
class HostileInputTest {
    private static final WasmLimits LIMITS = WasmLimits.DEFAULT;

    private static <T extends ModuleException> T rejects(Class<T> type, byte[] bytes, String reasonStart) {
        T e = assertThrows(type, () -> Wasm.load(bytes, LIMITS));
        assertTrue(e.reason().startsWith(reasonStart), () -> "reason \"" + e.reason() + "\" should start with \"" + reasonStart + "\"");
        return e;
    }

    private static byte[] repeat(int times, int... pattern) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) {
            for (int b : pattern) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void headerProblems() {
        rejects(MalformedModuleException.class, new byte[0], "unexpected end");
        rejects(MalformedModuleException.class, of(0x00, 0x61, 0x73), "unexpected end");
        rejects(MalformedModuleException.class, of(0x61, 0x73, 0x6d, 0x00), "magic header not detected");
        rejects(MalformedModuleException.class, of(0x00, 0x61, 0x73, 0x6d, 0x01), "unexpected end");
        rejects(MalformedModuleException.class, of(0x00, 0x61, 0x73, 0x6d, 0x02, 0, 0, 0), "unknown binary version");
        assertEquals(0, Wasm.load(module().build(), LIMITS).types().size());
    }

    @Test
    void hugeDeclaredCountsFailBeforeAllocating() {
        byte[] manyTypes = concat(u32(0xFFFF_FFFFL), of(0x60, 0, 0));
        MalformedModuleException e = rejects(MalformedModuleException.class, module().section(1, manyTypes).build(),
                "unexpected end");
        assertEquals(10, e.offset());
        for (int id : new int[] {2, 3, 4, 5, 6, 7, 9, 10, 11}) {
            rejects(MalformedModuleException.class, module().section(id, u32(0xFFFF_FFFFL)).build(), "unexpected end");
        }
        byte[] elements = concat(of(0x01, 0x01, 0x00), u32(0xFFFF_FFF0L));
        rejects(MalformedModuleException.class, module().section(9, elements).build(), "unexpected end");
        byte[] brTable = concat(of(0x00, 0x41, 0x00, 0x0e), u32(0xFFFF_FFFFL), of(0x00, 0x0b));
        rejects(MalformedModuleException.class, withBody(brTable), "unexpected end");
    }

    @Test
    void countsAboveLimitsAreResourceLimits() {
        WasmLimits small = new WasmLimits(1 << 20, 2, 10, 10, 10, 10, 10, 10, 10, 10, 4, 4, 100, 1000, 8, 16, 1000, 10,
                100, 100, 1000, 16, 2);
        byte[] threeTypes = module().section(1, 0x03, 0x60, 0, 0, 0x60, 0, 0, 0x60, 0, 0).build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(threeTypes, small));
        byte[] fiveParams = module().section(1, 0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00).build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(fiveParams, small));
        byte[] longName = module().section(0, concat(of(17), "abcdefghijklmnopq".getBytes())).build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(longName, small));
        byte[] threeCustom = module().section(0, 1, 'a').section(0, 1, 'b').section(0, 1, 'c').build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(threeCustom, small));
        byte[] deep = withBody(concat(of(0x00), repeat(9, 0x02, 0x40), repeat(10, 0x0b)));
        assertThrows(ResourceLimitException.class, () -> Wasm.load(deep, small));
        byte[] tall = withBody(concat(of(0x00), repeat(17, 0x41, 0x00), repeat(17, 0x1a), of(0x0b)));
        assertThrows(ResourceLimitException.class, () -> Wasm.load(tall, small));
        byte[] bigTable = module().section(4, 0x01, 0x70, 0x00, 0xe9, 0x07).build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(bigTable, small));
        byte[] bigMemory = module().section(5, 0x01, 0x00, 0x0b).build();
        assertThrows(ResourceLimitException.class, () -> Wasm.load(bigMemory, small));
        assertThrows(ResourceLimitException.class, () -> Wasm.load(new byte[(1 << 20) + 1], small));
    }

    @Test
    void deepNestingIsBoundedAndNeverRecurses() {
        int depth = 200_000;
        byte[] body = concat(of(0x00), repeat(depth, 0x02, 0x40), repeat(depth + 1, 0x0b));
        rejects(ResourceLimitException.class, withBody(body), "blocks nested too deeply");
        WasmLimits deep = LIMITS.with(java.util.Map.of("nestingDepth", depth + 1));
        assertEquals(1, Wasm.load(withBody(body), deep).code().size());
        // the same nesting, but invalid at the innermost level: the error, not a stack overflow
        byte[] invalid = concat(of(0x00), repeat(depth, 0x02, 0x40), of(0x6a), repeat(depth + 1, 0x0b));
        assertThrows(InvalidModuleException.class, () -> Wasm.load(withBody(invalid), deep));
    }

    @Test
    void giantLocals() {
        rejects(ResourceLimitException.class, withBody(concat(of(0x01), u32(50_001), of(0x7f, 0x0b))), "too many locals");
        byte[] overflow = concat(of(0x02), u32(0xFFFF_FFFFL), of(0x7f), u32(0xFFFF_FFFFL), of(0x7e, 0x0b));
        rejects(MalformedModuleException.class, withBody(overflow), "too many locals");
        // 20,000 functions with 50,000 locals each: a billion locals, stored as 20,000 runs
        int functions = 20_000;
        byte[] body = concat(of(0x01), u32(50_000), of(0x7f, 0x0b));
        byte[] code = concat(u32(functions), repeat(functions, concat(u32(body.length), body)));
        byte[] funcs = concat(u32(functions), repeat(functions, 0x00));
        Module m = Wasm.load(module().section(1, 0x01, 0x60, 0, 0).section(3, funcs).section(10, code).build(), LIMITS);
        assertEquals(50_000, m.code().get(functions - 1).locals().size());
        assertEquals(ValType.I32, m.code().get(7).locals().get(49_999));
    }

    private static byte[] repeat(int times, byte[] pattern) {
        byte[] out = new byte[times * pattern.length];
        for (int i = 0; i < times; i++) {
            System.arraycopy(pattern, 0, out, i * pattern.length, pattern.length);
        }
        return out;
    }

    @Test
    void overlongAndOversizedLeb128() {
        byte[] sixByteSize = of(0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
        rejects(MalformedModuleException.class, sixByteSize, "integer representation too long");
        byte[] tooLarge = of(0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0, 0x01, 0x80, 0x80, 0x80, 0x80, 0x10);
        rejects(MalformedModuleException.class, tooLarge, "integer too large");
        rejects(MalformedModuleException.class, withBody(of(0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x70, 0x1a, 0x0b)),
                "integer too large");
        rejects(MalformedModuleException.class, withBody(of(0x00, 0x42, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xff, 0xff, 0x00, 0x1a, 0x0b)), "integer representation too long");
    }

    @Test
    void everyTruncationIsATypedVerdict() {
        byte[] full = TestModules.smallValidModule();
        Wasm.load(full, LIMITS);
        int malformed = 0;
        for (int length = 0; length < full.length; length++) {
            try {
                Wasm.load(Arrays.copyOf(full, length), LIMITS);
            } catch (MalformedModuleException e) {
                malformed++;
            }
        }
        // only cuts at section boundaries can still be modules; most cuts are not
        assertTrue(malformed > full.length - 20, malformed + " of " + full.length + " truncations malformed");
    }

    @Test
    void everyTruncationOfTheTestdataModulesIsTyped() throws java.io.IOException {
        java.nio.file.Path testdata = java.nio.file.Path.of(System.getProperty("gate.testdata", "../../testdata"));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(testdata), "no testdata folder");
        List<java.nio.file.Path> modules;
        try (var files = java.nio.file.Files.walk(testdata)) {
            modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        int cuts = 0;
        for (java.nio.file.Path p : modules) {
            byte[] full = java.nio.file.Files.readAllBytes(p);
            // every cut of small modules; about 2,000 evenly spread cuts of large ones
            int step = Math.max(1, full.length / 2000);
            for (int length = 0; length < full.length; length += step) {
                try {
                    Wasm.load(Arrays.copyOf(full, length), LIMITS);
                } catch (ModuleException e) {
                    cuts++;
                }
            }
        }
        System.out.println("truncations: " + modules.size() + " testdata modules, " + cuts + " cuts rejected with typed exceptions");
    }

    @Test
    void simdIsAnUnsupportedFeature() {
        rejects(MalformedModuleException.class, withBody(of(0x00, 0xfd, 0x0c, 0x0b)), "unsupported feature: simd");
        rejects(MalformedModuleException.class, module().section(1, 0x01, 0x60, 0x01, 0x7b, 0x00).build(),
                "unsupported feature: simd");
        rejects(MalformedModuleException.class, withBody(of(0x01, 0x01, 0x7b, 0x0b)), "unsupported feature: simd");
        rejects(MalformedModuleException.class, withBody(of(0x00, 0x02, 0x7b, 0x0b, 0x0b)), "unsupported feature: simd");
    }

    @Test
    void malformedBodyWinsOverAnEarlierInvalidity() {
        // two exports named "a" (invalid) and a body with an illegal opcode (malformed)
        byte[] bytes = module().section(1, 0x01, 0x60, 0, 0).section(3, 0x01, 0x00)
                .section(7, 0x02, 0x01, 'a', 0x00, 0x00, 0x01, 'a', 0x00, 0x00)
                .section(10, 0x01, 0x03, 0x00, 0xff, 0x0b).build();
        rejects(MalformedModuleException.class, bytes, "illegal opcode");
        byte[] onlyInvalid = module().section(1, 0x01, 0x60, 0, 0).section(3, 0x01, 0x00)
                .section(7, 0x02, 0x01, 'a', 0x00, 0x00, 0x01, 'a', 0x00, 0x00)
                .section(10, 0x01, 0x02, 0x00, 0x0b).build();
        rejects(InvalidModuleException.class, onlyInvalid, "duplicate export name");
        // a global initialised by a non-constant instruction (invalid, found while decoding) and a
        // body with an illegal opcode (malformed)
        byte[] nonConstant = module().section(1, 0x01, 0x60, 0, 0).section(3, 0x01, 0x00)
                .section(6, 0x01, 0x7f, 0x00, 0x41, 0x01, 0x41, 0x01, 0x6a, 0x0b)
                .section(10, 0x01, 0x03, 0x00, 0xff, 0x0b).build();
        rejects(MalformedModuleException.class, nonConstant, "illegal opcode");
        byte[] nonConstantOnly = module().section(6, 0x01, 0x7f, 0x00, 0x41, 0x01, 0x41, 0x01, 0x6a, 0x0b).build();
        rejects(InvalidModuleException.class, nonConstantOnly, "constant expression required");
    }

    @Test
    void brokenNameSectionIsIgnored() {
        byte[] names = concat(of(0x04), "name".getBytes(), of(0x01, 0x05, 0x01, 0x00, 0x02, 'f', 'n'));
        Module good = Wasm.load(module().section(1, 0x01, 0x60, 0, 0).section(3, 0x01, 0x00)
                .section(10, 0x01, 0x02, 0x00, 0x0b).section(0, names).build(), LIMITS);
        assertEquals("fn", good.names().function(0));
        byte[] broken = concat(of(0x04), "name".getBytes(), of(0x01, 0x05, 0xff, 0xff, 0xff, 0xff, 0x0f));
        Module ignored = Wasm.load(module().section(0, broken).build(), LIMITS);
        assertEquals(Names.EMPTY, ignored.names());
        assertEquals(1, ignored.customSections().size());
    }

    @Test
    void customSectionNamesMustBeUtf8() {
        rejects(MalformedModuleException.class, module().section(0, 0x02, 0xc0, 0x80).build(), "malformed UTF-8 encoding");
        rejects(MalformedModuleException.class, module().section(0, 0x03, 0xed, 0xa0, 0x80).build(),
                "malformed UTF-8 encoding");
        assertEquals("é", Wasm.load(module().section(0, 0x02, 0xc3, 0xa9).build(), LIMITS).customSections().get(0).name());
    }

    @Test
    void multiValueArityCannotBuyUnboundedWork() {
        // type 1 is [i32 x 1000] -> [i32 x 1000]; function 0 calls function 1 half a million times
        byte[] thousand = repeat(1000, 0x7f);
        byte[] types = concat(of(0x02, 0x60, 0x00, 0x00, 0x60), u32(1000), thousand, u32(1000), thousand);
        byte[] caller = concat(of(0x00, 0x00), repeat(500_000, 0x10, 0x01), of(0x1a, 0x0b));
        byte[] callee = concat(of(0x00, 0x00, 0x0b));
        byte[] code = concat(of(0x02), u32(caller.length), caller, u32(callee.length), callee);
        byte[] bytes = module().section(1, types).section(3, 0x02, 0x00, 0x01).section(10, code).build();
        rejects(ResourceLimitException.class, bytes, "validation work limit exceeded");
    }

    /**
     * Modules built to make the front end's heap much larger than the input. They run in the
     * tests' 256 MB heap (see the pom): an amplification bug shows up as OutOfMemoryError.
     */
    @Test
    void heapStaysProportionalToTheInput() {
        // 12,000 distinct function types with 1,000 parameters each: 12 MB of types
        java.io.ByteArrayOutputStream types = new java.io.ByteArrayOutputStream();
        types.writeBytes(u32(12_000));
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 12_000; i++) {
            types.writeBytes(of(0x60));
            types.writeBytes(u32(1000));
            for (int k = 0; k < 1000; k++) {
                types.write(0x7c + random.nextInt(4));
            }
            types.write(0x00);
        }
        assertEquals(12_000, Wasm.load(module().section(1, types.toByteArray()).build(), LIMITS).types().size());
        // one element segment of 10 million function indexes (10 MB)
        byte[] elements = concat(of(0x01, 0x01, 0x00), u32(10_000_000), repeat(10_000_000, 0x00));
        byte[] withElements = module().section(1, 0x01, 0x60, 0, 0).section(3, 0x01, 0x00).section(9, elements)
                .section(10, 0x01, 0x02, 0x00, 0x0b).build();
        assertEquals(10_000_000, Wasm.load(withElements, LIMITS).elements().get(0).init().size());
        // a million globals (6 MB)
        byte[] globals = concat(u32(1_000_000), repeat(1_000_000, 0x7f, 0x00, 0x41, 0x00, 0x0b));
        assertEquals(1_000_000, Wasm.load(module().section(6, globals).build(), LIMITS).globals().size());
        // a name section with a million names for functions that do not exist
        byte[] names = concat(of(0x04), "name".getBytes(), of(0x01), u32(5_000_003), u32(1_000_000),
                repeat(1_000_000, 0x80, 0x80, 0x04, 0x01, 'f'));
        assertEquals(Names.EMPTY.functions(), Wasm.load(module().section(0, names).build(), LIMITS).names().functions());
    }

    @Test
    void manyEmptyLocalRunsCostNothingPerAccess() {
        // 40,000 empty runs, one i32, then 400,000 local.get/drop pairs
        byte[] runs = concat(u32(40_001), repeat(40_000, 0x00, 0x7e), of(0x01, 0x7f));
        byte[] code = concat(repeat(400_000, 0x20, 0x00, 0x1a), of(0x0b));
        Module m = Wasm.load(withBody(concat(runs, code)), LIMITS);
        assertEquals(1, m.code().get(0).locals().size());
    }
}
