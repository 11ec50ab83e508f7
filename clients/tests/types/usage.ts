// Compiled with tsc --noEmit by node/types.test.mjs: the declarations of sockeye.js accept the
// documented uses and reject the wrong ones.
import { connect, DEFAULTS, SockeyeClient, SockeyeError, backoffDelay } from "sockeye-client";
import type { ClientState, Frame, StateDetail, StateEvent } from "sockeye-client";

interface ChatMessage {
  author: string;
  text: string;
}

export async function documentedUse(): Promise<void> {
  const client = await connect("/chat", {
    reconnect: { initialDelay: 500, maxDelay: 10_000 },
    bufferLimit: 50,
    WebSocket: globalThis.WebSocket,
  });
  const off: () => void = client.on<ChatMessage>("chat", (message, frame: Frame) => {
    const text: string = message.text;
    const digit: 0 | 1 | 2 | 3 | 4 = frame.type;
    console.log(text, digit);
  });
  off();
  client.onMessage((message) => console.log(typeof message === "string" ? message : message.byteLength));
  client.onState((state: ClientState, detail: StateDetail) => console.log(state, detail));
  client.onState((state) => {
    const reported: StateEvent = state; // never "connecting", the state a client starts in
    const narrowed: "open" | "reconnecting" | "closed" = state;
    console.log(reported, narrowed);
  });
  client.onError((error: SockeyeError) => console.log(error.code));
  const sent: boolean = client.emit("chat", { author: "ann", text: "hi" });
  client.emit("count", 42);
  client.emit("big", 2n ** 64n);
  client.emit("bytes", new Uint8Array([1, 2]));
  client.emit("nothing");
  client.emitMessage("native");
  console.log(sent, client.state, client.buffered, client.url, DEFAULTS.reconnect.maxDelay,
    backoffDelay(DEFAULTS.reconnect, 2));
  await client.close(1000, "bye");

  const early = new SockeyeClient("wss://chat.example/chat", { reconnect: false, protocols: ["chat.v1"] });
  await early.ready;
}

export function rejectedUses(client: SockeyeClient): void {
  // @ts-expect-error an event name is a string
  client.emit(1, "x");
  // @ts-expect-error reconnect is options or false, not true
  new SockeyeClient("/x", { reconnect: true });
  // @ts-expect-error states are the four documented strings
  const state: "connected" = client.state;
  // @ts-expect-error state is read-only
  client.state = "open";
  console.log(state);
}
