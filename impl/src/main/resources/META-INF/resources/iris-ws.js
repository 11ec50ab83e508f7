/*
 * iris-ws.js: the browser client of the Iris event protocol, written for Sockeye.
 * Plain ES5, no dependencies. It keeps the API of the client that Iris served at /iris-ws.js:
 *
 *   var ws = new Ws("ws://" + location.host + "/chat");
 *   ws.OnConnect(function () { ws.Emit("chat", "hello"); });
 *   ws.On("chat", function (payload) { console.log(payload); });
 *
 * Event frames are <prefix><event>;<type>;<payload>, type 0 string, 1 number, 2 boolean,
 * 3 bytes, 4 JSON. On listeners receive the payload as the raw string (JSON arrives as text:
 * call JSON.parse). Frames without the prefix are native messages (OnMessage, EmitMessage).
 * A server that serves this file with another prefix rewrites the literal below.
 */
(function (global) {
    "use strict";

    var EVENT_PREFIX = "iris-websocket-message:";

    var TYPE_STRING = 0;
    var TYPE_NUMBER = 1;
    var TYPE_BOOLEAN = 2;
    var TYPE_JSON = 4;

    var SCHEME = /^[a-zA-Z][a-zA-Z0-9+.\-]*:\/\//;

    var hasOwn = Object.prototype.hasOwnProperty;

    var toString = Object.prototype.toString;

    // Emit chooses the type as the original client did, with its four tests in its order (number,
    // boolean, string, JSON), so every value the original could send travels the same way: a
    // value is a number when `value - 0` is one and it is not null, "" or false; that takes in
    // true, strings such as " 7 ", "0x1f" or "1e3", [] and [7] (through their text "" and "7"), a
    // Date, and wrapper objects such as new Boolean(false) and new String(""). Only where the
    // original threw does this code go its own way: null and objects without a primitive value
    // (Object.create(null)) are sent as JSON.

    function minusZero(data) {
        if (data !== null && typeof data === "object"
                && typeof data.valueOf !== "function" && typeof data.toString !== "function") {
            return NaN; // no primitive value: `data - 0` would throw a TypeError
        }
        return data - 0;
    }

    function isNumber(data) {
        return !isNaN(minusZero(data)) && data !== null && data !== "" && data !== false;
    }

    function isBoolean(data) {
        return typeof data === "boolean" || (typeof data === "object" && data !== null
                && typeof data.valueOf === "function" && typeof data.valueOf() === "boolean");
    }

    function isString(data) {
        return toString.call(data) === "[object String]";
    }

    function encode(event, data) {
        var type = TYPE_STRING;
        var payload = "";
        var kind = typeof data;
        if (kind === "symbol" || kind === "bigint") {
            throw new TypeError("Ws.Emit: cannot send a " + kind); // as the original, which threw at `data - 0`
        }
        if (isNumber(data)) {
            type = TYPE_NUMBER;
            payload = data.toString();
        } else if (isBoolean(data)) {
            type = TYPE_BOOLEAN;
            payload = data.toString();
        } else if (isString(data)) {
            payload = data.toString();
        } else if (kind === "object") {
            type = TYPE_JSON;
            payload = JSON.stringify(data);
        } else if (kind !== "undefined" && typeof console !== "undefined") {
            // NaN and functions: the original sent an empty string too, and said so on the console
            console.log("Ws.Emit: " + (kind === "number" ? "NaN" : "a " + kind) + " has no encoding: event '"
                    + event + "' is sent with an empty payload");
        }
        return EVENT_PREFIX + event + ";" + type + ";" + payload;
    }

    // Returns {event, payload} for an event frame, null for a native one. As in the original
    // client, the event runs from the prefix to the first ';', the payload starts two characters
    // after it (past the type digit and its ';'), and a frame whose event would be empty is native.
    function decode(frame) {
        if (frame.lastIndexOf(EVENT_PREFIX, 0) !== 0) {
            return null;
        }
        var rest = frame.substring(EVENT_PREFIX.length);
        var separator = rest.indexOf(";");
        if (separator <= 0) {
            return null;
        }
        return {event: rest.substring(0, separator), payload: rest.substring(separator + 3)};
    }

    function callAll(listeners, argument) {
        for (var i = 0; i < listeners.length; i++) {
            listeners[i](argument);
        }
    }

    function Ws(endpoint, protocols) {
        // the original's rule: ws:// is added when "ws" appears nowhere in the endpoint, so
        // "/news" stays a path relative to the page; here also not before another scheme
        // (http://host/chat, which the original turned into ws://http://host/chat)
        if (endpoint.indexOf("ws") === -1 && !SCHEME.test(endpoint)) {
            endpoint = "ws://" + endpoint;
        }
        this.opened = false; // set once the connect listeners have run, never cleared: the original's isReady
        this.connectListeners = [];
        this.disconnectListeners = [];
        this.nativeListeners = [];
        this.eventListeners = Object.create(null); // no prototype: any event name is a plain key
        this.pending = [];
        this.conn = protocols != null && protocols.length > 0 ? new WebSocket(endpoint, protocols) : new WebSocket(endpoint);

        var self = this;
        this.conn.onopen = function () {
            var queued = self.pending;
            self.pending = [];
            for (var i = 0; i < queued.length; i++) {
                self.conn.send(queued[i]);
            }
            // a listener added by a listener is called by this loop, once: `opened` is still false
            callAll(self.connectListeners);
            self.opened = true;
        };
        this.conn.onclose = function () {
            self.pending = [];
            callAll(self.disconnectListeners);
        };
        this.conn.onmessage = function (message) {
            self.receive(message.data);
        };
    }

    Ws.prototype.receive = function (data) {
        if (typeof data !== "string") {
            return; // binary frames (the server's binary mode) are for non-browser clients
        }
        var frame = decode(data);
        if (frame === null) {
            callAll(this.nativeListeners, data);
        } else if (hasOwn.call(this.eventListeners, frame.event)) {
            callAll(this.eventListeners[frame.event], frame.payload);
        }
    };

    Ws.prototype.send = function (frame) {
        var state = this.conn.readyState;
        if (state === 0) {
            this.pending.push(frame); // sent in order once the socket opens
        } else if (state === 1) {
            this.conn.send(frame);
        }
    };

    /** Calls fn once the connection is open; at once if it has opened already (also after it closed, as in the original). */
    Ws.prototype.OnConnect = function (fn) {
        if (this.opened) {
            fn();
        }
        this.connectListeners.push(fn);
    };

    /** Calls fn when the connection closes, whoever closed it. */
    Ws.prototype.OnDisconnect = function (fn) {
        this.disconnectListeners.push(fn);
    };

    /** Calls fn(text) for every native message: a frame that is not an event. */
    Ws.prototype.OnMessage = function (fn) {
        this.nativeListeners.push(fn);
    };

    /** Calls fn(payload) for every frame of this event; payload is the raw string. */
    Ws.prototype.On = function (event, fn) {
        if (!hasOwn.call(this.eventListeners, event)) {
            this.eventListeners[event] = [];
        }
        this.eventListeners[event].push(fn);
    };

    /** Sends an event, its type chosen by encode's rules above. */
    Ws.prototype.Emit = function (event, data) {
        event = String(event);
        if (event === "" || event.indexOf(";") >= 0) {
            throw new Error("Ws.Emit: an event name must be non-empty and contain no ';': " + event);
        }
        this.send(encode(event, data));
    };

    /** Sends a native message unchanged: a string as a text frame, an ArrayBuffer, typed array or Blob as a binary one. */
    Ws.prototype.EmitMessage = function (message) {
        this.send(typeof message === "object" && message !== null ? message : String(message));
    };

    /** Closes the connection with code 1000. */
    Ws.prototype.Disconnect = function () {
        this.pending = [];
        this.conn.close(1000);
    };

    global.Ws = Ws;
}(typeof window !== "undefined" ? window : this));
