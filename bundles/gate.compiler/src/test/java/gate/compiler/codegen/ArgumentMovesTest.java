package gate.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parallel move that puts call arguments into their registers, run on simulated registers:
 * every target must end up with the value its source had before any move, whatever the
 * permutation (cycles included, which go through the scratch register), and a source read by
 * several arguments must reach all of them.
 */
class ArgumentMovesTest {
    private static final String SCRATCH = "scratch";

    @Test
    void everyTargetGetsItsSourcesOriginalValue() {
        Random random = new Random(20261122);
        List<String> registers = List.of("r0", "r1", "r2", "r3", "r4", "r5", "h0", "h1");
        for (int round = 0; round < 2000; round++) {
            List<String> targets = new ArrayList<>(registers.subList(0, 6));
            Collections.shuffle(targets, random);
            targets = new ArrayList<>(targets.subList(0, 1 + random.nextInt(6)));
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String target : targets) {
                String source = registers.get(random.nextInt(registers.size()));
                if (!source.equals(target)) {
                    from.add(source);
                    to.add(target);
                }
            }
            Map<String, Integer> state = new HashMap<>();
            for (int i = 0; i < registers.size(); i++) {
                state.put(registers.get(i), i);
            }
            Map<String, Integer> expected = new HashMap<>(state);
            for (int j = 0; j < to.size(); j++) {
                expected.put(to.get(j), state.get(from.get(j)));
            }
            String moves = from + " -> " + to;
            ArgumentMoves.parallelMove(from, to, SCRATCH,
                    (target, source) -> state.put(target, state.get(source)));
            state.remove(SCRATCH);
            assertEquals(expected, state, moves);
        }
    }

    @Test
    void aSwapGoesThroughTheScratchRegister() {
        List<String> emitted = new ArrayList<>();
        ArgumentMoves.parallelMove(new ArrayList<>(List.of("a", "b")),
                new ArrayList<>(List.of("b", "a")), SCRATCH,
                (target, source) -> emitted.add(target + "<-" + source));
        assertEquals(List.of("scratch<-a", "a<-b", "b<-scratch"), emitted);
    }
}
