package gate.compiler.gen;

import gate.compiler.x86.enc.Label;
import gate.wasm.ValType;
import java.util.List;

/**
 * One entry of the control stack (core §3.3.5 labels). Operands below {@link #height()} belong to
 * enclosing blocks; at every edge to {@link #label()} they and the label's values are in slots.
 */
public final class ControlFrame {
    /** The construct that opened the frame. */
    public enum Kind { FUNCTION, BLOCK, LOOP, IF }

    private final Kind kind;
    private final int height;
    private final List<ValType> params;
    private final List<ValType> results;
    private final Label label = new Label();
    private final Label body = new Label();
    private boolean polledByCall;
    private Label elseLabel;
    private boolean branchedTo;
    private boolean hadElse;
    private boolean guard;

    public ControlFrame(Kind kind, int height, List<ValType> params, List<ValType> results) {
        this.kind = kind;
        this.height = height;
        this.params = params;
        this.results = results;
    }

    public Kind kind() {
        return kind;
    }

    /** Operand stack size below the block's parameters. */
    public int height() {
        return height;
    }

    public List<ValType> params() {
        return params;
    }

    public List<ValType> results() {
        return results;
    }

    /** The values a branch to this frame carries: a loop's parameters, else its results. */
    public List<ValType> branchTypes() {
        return kind == Kind.LOOP ? params : results;
    }

    /**
     * Branch target: the loop header, or the end. A loop whose body calls a defined function
     * before any branch ({@link #markPolledByCall}) is continued past its suspend check.
     */
    public Label label() {
        return polledByCall ? body : label;
    }

    /** For {@code loop}: right after the header's suspend check. */
    public Label bodyLabel() {
        return body;
    }

    /**
     * For {@code loop}: every iteration calls a defined function, whose entry stack check also
     * fails while a suspension is pending (runtime.native DESIGN.md §5, rbx), so the callee's
     * {@code ENTRY} site bounds the suspend latency and back-edges need not test again.
     */
    public void markPolledByCall() {
        if (kind != Kind.LOOP) {
            throw new IllegalStateException(kind + " has no suspend check");
        }
        polledByCall = true;
    }

    /** For {@code if}: where the condition jumps when false. */
    public Label elseLabel() {
        if (elseLabel == null) {
            elseLabel = new Label();
        }
        return elseLabel;
    }

    public boolean hasElseLabel() {
        return elseLabel != null;
    }

    public boolean branchedTo() {
        return branchedTo;
    }

    public void markBranchedTo() {
        branchedTo = true;
    }

    /**
     * For {@code if}: the guard of a {@link GuardShape} body, whose body builds the function's
     * frame and whose end leaves it again for the frameless tail.
     */
    public void markGuard() {
        guard = true;
    }

    public boolean isGuard() {
        return guard;
    }

    public boolean hadElse() {
        return hadElse;
    }

    public void markElse() {
        hadElse = true;
    }

    @Override
    public String toString() {
        return kind + "@" + height + params + "->" + results;
    }
}
