/**
 * The neffos protocol (the {@code neffos.js} client's): the {@code M}/{@code A}/{@code H}
 * handshake, 7-field messages with namespaces, rooms and asks, and the connection, namespace and
 * endpoint classes that serve it. Rooms live in the endpoint's
 * {@link dev.sockeye.impl.registry.LocalRegistry} under {@code namespace/room}; outgoing messages
 * are framed once per (namespace, room) address by {@link dev.sockeye.impl.protocol.neffos.AddressCodec}.
 */
package dev.sockeye.impl.protocol.neffos;
