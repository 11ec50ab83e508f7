/**
 * Wire codecs: turning events and native messages into {@link dev.sockeye.impl.send.OutboundFrame}s
 * and incoming frames into {@link dev.sockeye.impl.codec.InboundMessage}s
 * ({@link dev.sockeye.impl.codec.IrisCodec}), and payloads into the types listeners declare
 * ({@link dev.sockeye.impl.codec.PayloadDecoder}). Internal to Sockeye.
 */
package dev.sockeye.impl.codec;
