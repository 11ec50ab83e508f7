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

    // The original client's rule: a value is a number when `value - 0` is a number, except
    // null, "", false and objects; so numbers, strings that read as numbers (" 42 ", "0x1f",
    // "1e3") and `true` travel as type 1, `false` as type 2. Number, String and Boolean wrapper
    // objects count as their primitive values.
    function primitive(data) {
        var kind = toString.call(data);
        if (typeof data === "object" && data !== null
                && (kind === "[object Number]" || kind === "[object String]" || kind === "[object Boolean]")) {
            return data.valueOf();
        }
        return data;
    }

    function isNumeric(data) {
        var type = typeof data;
        return (type === "number" || type === "string" || data === true) && data !== "" && !isNaN(data - 0);
    }

    function encode(event, data) {
        var type;
        var payload;
        var value = primitive(data);
        if (value === undefined) {
            type = TYPE_STRING;
            payload = "";
        } else if (isNumeric(value)) {
            type = TYPE_NUMBER;
            payload = String(value);
        } else if (value === false) {
            type = TYPE_BOOLEAN;
            payload = "false";
        } else if (typeof value === "string") {
            type = TYPE_STRING;
            payload = value;
        } else if (value === null || typeof value === "object") {
            type = TYPE_JSON;
            payload = JSON.stringify(value);
        } else {
            throw new TypeError("Ws.Emit: cannot send a value of type " + typeof value);
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
        if (!SCHEME.test(endpoint)) {
            endpoint = "ws://" + endpoint;
        }
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
            callAll(self.connectListeners);
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

    /** Calls fn once the connection is open; at once if it already is. */
    Ws.prototype.OnConnect = function (fn) {
        this.connectListeners.push(fn);
        if (this.conn.readyState === 1) {
            fn();
        }
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

    /** Sends an event; data may be a string, number, boolean, object, array, null or nothing. */
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
