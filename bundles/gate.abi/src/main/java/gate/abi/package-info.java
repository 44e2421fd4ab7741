/**
 * The program side of Gate's ABI for JVM engines: the imports a program may use ({@code gate.io_N},
 * {@code gate.fd_N} and WASI preview1) as host functions over an {@link gate.abi.InstancePipe}.
 * {@link gate.abi.ProgramAbi} is the entry point; the module's README.md is the protocol the
 * session on the other side of the pipe implements.
 */
@Export
@Version("1.1.0")
package gate.abi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
