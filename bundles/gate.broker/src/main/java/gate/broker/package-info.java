/**
 * Sessions: the broker side of program instances. A {@link gate.broker.Session} connects one
 * instance's {@link gate.abi.InstancePipe} to the services a {@link gate.broker.ServiceDirectory}
 * holds (the broker registers one as an OSGi service).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package gate.broker;
