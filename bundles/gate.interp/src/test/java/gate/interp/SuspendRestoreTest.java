package gate.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gate.engine.Extern;
import gate.engine.Imports;
import gate.engine.Instance;
import gate.engine.InstanceLimits;
import gate.engine.InstanceState;
import gate.engine.InvalidStateException;
import gate.engine.Program;
import gate.engine.TrapException;
import gate.engine.TrapId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Suspends a long computation (suspend.wat) at seeded random moments, captures its state, moves
 * it through bytes into a new instance of a freshly compiled program, resumes, and checks the final
 * result against an uninterrupted run.
 */
class SuspendRestoreTest {
    private static final long SEED_ARG = 0x1234_5678_9abcL;
    private static final int ROUNDS = 300;

    /** The instance the host's tick function interrupts; replaced after each restore. */
    private final AtomicReference<Instance> current = new AtomicReference<>();
    private Random random;
    private int ticks;
    private int interruptEvery;

    private Imports imports() {
        Map<String, Extern> env = Map.of("tick", TestModules.action(() -> {
            ticks++;
            if (random != null && ticks % interruptEvery == 0) {
                current.get().interrupt(TrapId.SUSPENDED);
                interruptEvery = 1 + random.nextInt(400);
            }
        }));
        return TestModules.env(env);
    }

    private long uninterrupted() {
        Instance instance = TestModules.compile("suspend").instantiate(imports(), InstanceLimits.DEFAULT);
        return instance.invoke("mix", SEED_ARG, ROUNDS)[0];
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 1000})
    void resumedRunsEndWithTheUninterruptedResult(long seed) {
        long expected = uninterrupted();
        random = new Random(seed);
        interruptEvery = 1 + random.nextInt(400);
        Program program = TestModules.compile("suspend");
        Instance instance = program.instantiate(imports(), InstanceLimits.DEFAULT);
        current.set(instance);
        long[] result = null;
        int suspensions = 0;
        try {
            result = instance.invoke("mix", SEED_ARG, ROUNDS);
        } catch (TrapException e) {
            assertEquals(TrapId.SUSPENDED, e.trap());
        }
        while (result == null) {
            assertTrue(instance.isSuspended());
            suspensions++;
            byte[] bytes = StateCodec.encode(instance.captureState());
            // A new program too: nothing may leak from the old instance but the state.
            program = TestModules.compile("suspend");
            instance = program.restore(StateCodec.decode(bytes), imports(), InstanceLimits.DEFAULT);
            current.set(instance);
            try {
                result = instance.resume();
            } catch (TrapException e) {
                assertEquals(TrapId.SUSPENDED, e.trap());
            }
        }
        assertTrue(suspensions > 10, "only " + suspensions + " suspensions");
        assertEquals(expected, result[0]);
        assertFalse(instance.isSuspended());
    }

    @Test
    void stateOfAnIdleInstanceHasNoStack() {
        Instance instance = TestModules.compile("suspend").instantiate(imports(), InstanceLimits.DEFAULT);
        InstanceState state = instance.captureState();
        assertTrue(state.stack().isEmpty());
        assertEquals(65536, state.memory().length);
        assertEquals(List.of(0), state.droppedElements());
        assertThrows(IllegalStateException.class, instance::resume);
    }

    @Test
    void framesThatDoNotFitAreRejected() {
        random = new Random(7);
        interruptEvery = 50;
        Program program = TestModules.compile("suspend");
        Instance instance = program.instantiate(imports(), InstanceLimits.DEFAULT);
        current.set(instance);
        assertThrows(TrapException.class, () -> instance.invoke("mix", SEED_ARG, ROUNDS));
        InstanceState good = instance.captureState();
        InstanceState.Frame top = good.stack().get(good.stack().size() - 1);

        List<InstanceState.Frame> badOffset = new ArrayList<>(good.stack());
        badOffset.set(badOffset.size() - 1,
                new InstanceState.Frame(top.functionIndex(), top.codeOffset() + 1, top.locals(), top.operands()));
        assertInvalid(program, withStack(good, badOffset));

        List<InstanceState.Frame> badLocals = new ArrayList<>(good.stack());
        badLocals.set(badLocals.size() - 1,
                new InstanceState.Frame(top.functionIndex(), top.codeOffset(), new long[0], top.operands()));
        assertInvalid(program, withStack(good, badLocals));

        List<InstanceState.Frame> importedFunction = new ArrayList<>(good.stack());
        importedFunction.set(0, new InstanceState.Frame(0, 0, new long[0], new long[0]));
        assertInvalid(program, withStack(good, importedFunction));

        InstanceState shortMemory = new InstanceState(new byte[100], good.globals(), good.tables(),
                good.droppedData(), good.droppedElements(), good.stack());
        assertInvalid(program, shortMemory);

        InstanceState badGlobal = new InstanceState(good.memory(), new long[] {1L << 40}, good.tables(),
                good.droppedData(), good.droppedElements(), good.stack());
        assertInvalid(program, badGlobal);
    }

    private static InstanceState withStack(InstanceState s, List<InstanceState.Frame> stack) {
        return new InstanceState(s.memory(), s.globals(), s.tables(), s.droppedData(), s.droppedElements(), stack);
    }

    private void assertInvalid(Program program, InstanceState state) {
        assertThrows(InvalidStateException.class, () -> program.restore(state, imports(), InstanceLimits.DEFAULT));
    }
}
