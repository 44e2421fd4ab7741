/**
 * The service SPI of Gate: what service bundles implement ({@link gate.api.Service}, {@link
 * gate.api.ServiceInstance}) and what the broker provides to them and to everyone else ({@link
 * gate.api.PacketSink}, {@link gate.api.ServiceCatalog}), plus the packet protocol types ({@link
 * gate.api.Packet}, {@link gate.api.Domain}, {@link gate.api.FlowEntry}, {@link
 * gate.api.StreamData}) and the naming rules ({@link gate.api.ServiceNames}).
 *
 * <p>A program talks to services with packets (architecture reference §6). It discovers services
 * by name; the broker assigns each discovered service a code, creates a {@link
 * gate.api.ServiceInstance} on first use or on resume, routes the program's packets to it and
 * queues its replies. When the program is suspended, the broker collects every instance's opaque
 * state ({@link gate.api.ServiceInstance#suspend()}) into the snapshot and hands it back to {@link
 * gate.api.Service#createInstance} on restore.
 *
 * <p>This package depends on nothing but the JDK and the OSGi versioning annotations, so service
 * bundles can be written and unit-tested against it alone.
 */
@Export
@Version("1.0.0")
package gate.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
