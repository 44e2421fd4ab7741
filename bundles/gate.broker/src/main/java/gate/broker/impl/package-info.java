/**
 * The broker (not exported). {@link gate.broker.impl.Broker} is the DS component: SCR binds every
 * registered {@link gate.api.Service} to it; {@link gate.broker.impl.ProviderRegistry} decides
 * which provider holds each name under one lock; {@link gate.broker.impl.AvailabilityNotifier}
 * delivers the resulting changes to subscribers on a single notification thread, outside any lock.
 */
package gate.broker.impl;
