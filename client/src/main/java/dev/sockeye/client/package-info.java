/**
 * The Java client of the Iris event protocol: {@link dev.sockeye.client.SockeyeClient} connects to
 * a Sockeye (or Iris) endpoint with the Jakarta WebSocket client API, emits events and native
 * messages, and decodes what the server emits into typed values, with
 * {@link dev.sockeye.client.ClientOptions} and an optional {@link dev.sockeye.client.Reconnect}
 * policy.
 */
package dev.sockeye.client;
