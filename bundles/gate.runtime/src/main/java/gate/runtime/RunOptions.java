package gate.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code gate run}: {@code FILE.wasm [--engine NAME] [--function NAME] [--]
 * [ARGS...]}. Options are recognised before {@code --} and before the first argument after FILE
 * that is not an option; everything from there on is the program's.
 *
 * @param engine the engine asked for, or null for the default
 * @param args the program's argv; argv[0] is FILE as given
 */
public record RunOptions(String file, String engine, String function, List<String> args, boolean help) {

    public static final String USAGE = """
            usage: gate run FILE.wasm [--engine native|interp] [--function NAME] [--] [ARGS...]
              Runs a WebAssembly program: standard input and output are its origin connection
              (WASI stdin/stdout and the origin service), standard error gets its debug output.
              --engine NAME    native or interp (default: native where it can run, else interp)
              --function NAME  the exported function to call (default: _start)
              ARGS             the program's arguments; its argv[0] is FILE
            exit status:
              0        the entry function returned
              N        the program called proc_exit(N)
              124      usage error, or the engine is not available
              125      the program trapped, broke the ABI or was killed (a one-line message says which)
              126      the module was rejected (malformed, invalid, over a limit, unknown import)
              127      FILE does not exist or cannot be read
              123      the platform itself could not start (bin/gate only)""";

    /**
     * Parses the arguments after {@code run}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public static RunOptions parse(List<String> argv) {
        String file = null;
        String engine = null;
        String function = Launch.START;
        var programArgs = new ArrayList<String>();
        boolean options = true;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && (arg.equals("-h") || arg.equals("--help"))) {
                return new RunOptions(null, null, function, List.of(), true);
            } else if (options && (arg.equals("--engine") || arg.equals("--function"))) {
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = argv.get(++i);
                if (arg.equals("--engine")) {
                    engine = value;
                } else {
                    function = value;
                }
            } else if (options && arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else if (file == null) {
                file = arg;
            } else {
                options = false;
                programArgs.add(arg);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no FILE.wasm given");
        }
        programArgs.add(0, file);
        return new RunOptions(file, engine, function, List.copyOf(programArgs), false);
    }
}
