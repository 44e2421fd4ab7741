/**
 * Program instances: {@link gate.runtime.InstanceRunner} loads, links and runs a program with a
 * broker session; {@link gate.runtime.RunCommand} is {@code gate run}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package gate.runtime;
