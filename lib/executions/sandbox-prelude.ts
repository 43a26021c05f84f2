/**
 * The globals a workflow finds in the sandbox, written in the guest's own JavaScript on top of
 * the few host functions it is handed (`host`). Evaluated before the workflow; it answers the
 * functions the host calls back: `invoke` starts the run, `fireTimer` runs a due timer.
 * Timers exist only for the run: when the run ends, whatever is still pending is dropped.
 */
export const SANDBOX_PRELUDE = String.raw`(function (host) {
  "use strict";
  const format = (value) => {
    if (typeof value === "string") return value;
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack : value.name + ": " + value.message;
    if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return String(value);
    try { return JSON.stringify(value) ?? String(value); } catch (error) { return String(value); }
  };
  const fieldsJson = (fields) => {
    if (fields === undefined || fields === null) return undefined;
    try { return JSON.stringify(fields, (key, value) => value instanceof Error ? { name: value.name, message: value.message } : typeof value === "bigint" ? String(value) : value); }
    catch (error) { return JSON.stringify({ fields: "(could not be written as JSON: " + error.message + ")" }); }
  };
  const console = {};
  for (const [method, level] of [["log", "info"], ["info", "info"], ["debug", "debug"], ["warn", "warn"], ["error", "error"]]) {
    console[method] = (...args) => { host.log(level, args.map(format).join(" ")); };
  }

  const timers = new Map();
  let nextTimer = 1;
  const setTimeout = (callback, ms, ...args) => {
    if (typeof callback !== "function") throw new TypeError("setTimeout needs a function");
    const id = nextTimer++;
    host.setTimer(id, Math.max(0, Number(ms) || 0));
    timers.set(id, () => callback(...args));
    return id;
  };
  const clearTimeout = (id) => { if (timers.delete(id)) host.clearTimer(id); };
  const fireTimer = (id) => { const callback = timers.get(id); if (!callback) return; timers.delete(id); callback(); };
  const queueMicrotask = (callback) => { Promise.resolve().then(callback); };

  const abortError = (reason) => reason !== undefined ? reason : Object.assign(new Error("This operation was aborted"), { name: "AbortError" });
  class AbortSignal {
    constructor() { this.aborted = false; this.reason = undefined; this._listeners = []; this.onabort = null; }
    addEventListener(type, listener) { if (type === "abort") this._listeners.push(listener); }
    removeEventListener(type, listener) { this._listeners = this._listeners.filter((item) => item !== listener); }
    throwIfAborted() { if (this.aborted) throw this.reason; }
    _abort(reason) {
      if (this.aborted) return;
      this.aborted = true;
      this.reason = abortError(reason);
      const event = { type: "abort", target: this };
      if (typeof this.onabort === "function") this.onabort(event);
      for (const listener of this._listeners) listener(event);
    }
    static timeout(ms) {
      const signal = new AbortSignal();
      setTimeout(() => signal._abort(Object.assign(new Error("The operation timed out after " + ms + " ms"), { name: "TimeoutError" })), ms);
      return signal;
    }
    static abort(reason) { const signal = new AbortSignal(); signal._abort(reason); return signal; }
  }
  class AbortController {
    constructor() { this.signal = new AbortSignal(); }
    abort(reason) { this.signal._abort(reason); }
  }

  const urlFields = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"];
  class URL {
    constructor(input, base) {
      const parts = JSON.parse(host.parseUrl(String(input), base === undefined ? undefined : String(base)));
      for (const field of urlFields) this[field] = parts[field];
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
  }
  class URLSearchParams {
    constructor(init) {
      this._pairs = [];
      if (typeof init === "string") {
        for (const part of init.replace(/^\?/, "").split("&")) {
          if (!part) continue;
          const [name, ...rest] = part.split("=");
          const decode = (text) => decodeURIComponent(text.replace(/\+/g, " "));
          this._pairs.push([decode(name), decode(rest.join("="))]);
        }
      } else if (init && typeof init === "object") {
        for (const [name, value] of (Symbol.iterator in init ? init : Object.entries(init))) this._pairs.push([String(name), String(value)]);
      }
    }
    append(name, value) { this._pairs.push([String(name), String(value)]); }
    set(name, value) { this.delete(name); this.append(name, value); }
    delete(name) { this._pairs = this._pairs.filter(([key]) => key !== String(name)); }
    get(name) { const pair = this._pairs.find(([key]) => key === String(name)); return pair ? pair[1] : null; }
    getAll(name) { return this._pairs.filter(([key]) => key === String(name)).map(([, value]) => value); }
    has(name) { return this._pairs.some(([key]) => key === String(name)); }
    forEach(callback) { for (const [name, value] of this._pairs) callback(value, name, this); }
    entries() { return this._pairs.map((pair) => pair.slice())[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this._pairs.map((pair) => pair.map(encodeURIComponent).join("=")).join("&"); }
  }
  class Headers {
    constructor(init) {
      this._map = new Map();
      if (init instanceof Headers) init.forEach((value, name) => this.append(name, value));
      else if (init && typeof init === "object") for (const [name, value] of (Symbol.iterator in init ? init : Object.entries(init))) this.append(name, value);
    }
    append(name, value) { const key = String(name).toLowerCase(); const old = this._map.get(key); this._map.set(key, old === undefined ? String(value) : old + ", " + value); }
    set(name, value) { this._map.set(String(name).toLowerCase(), String(value)); }
    get(name) { const value = this._map.get(String(name).toLowerCase()); return value === undefined ? null : value; }
    has(name) { return this._map.has(String(name).toLowerCase()); }
    delete(name) { this._map.delete(String(name).toLowerCase()); }
    forEach(callback) { for (const [name, value] of this._map) callback(value, name, this); }
    entries() { return this._map.entries(); }
    [Symbol.iterator]() { return this._map.entries(); }
  }
  class Response {
    constructor(body, init) {
      this._body = body === undefined || body === null ? "" : String(body);
      this.status = init && init.status !== undefined ? init.status : 200;
      this.statusText = (init && init.statusText) || "";
      this.headers = new Headers(init && init.headers);
      this.url = (init && init.url) || "";
      this.redirected = Boolean(init && init.redirected);
      this.ok = this.status >= 200 && this.status < 300;
      this.bodyUsed = false;
    }
    _read() {
      if (this.bodyUsed) return Promise.reject(new TypeError("The body of this response has already been read"));
      this.bodyUsed = true;
      return Promise.resolve(this._body);
    }
    text() { return this._read(); }
    json() { return this._read().then((text) => JSON.parse(text)); }
  }
  const fetch = (input, init = {}) => {
    const url = input instanceof URL ? input.href : typeof input === "object" && input !== null && "url" in input ? String(input.url) : String(input);
    const signal = init.signal;
    if (signal && signal.aborted) return Promise.reject(signal.reason);
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      return Promise.reject(new TypeError("fetch in a workflow sends text bodies only: pass JSON.stringify(…) or a string"));
    }
    const request = { url, method: String(init.method || "GET").toUpperCase(), headers: [...new Headers(init.headers)], body: init.body === undefined || init.body === null ? undefined : init.body };
    let id;
    try { id = host.fetch(JSON.stringify(request)); } catch (error) { return Promise.reject(new TypeError(error.message)); }
    if (signal) signal.addEventListener("abort", () => host.abortFetch(id));
    return host.awaitFetch(id).then((answer) => {
      const response = JSON.parse(answer);
      return new Response(response.body, response);
    }, (error) => { throw signal && signal.aborted ? signal.reason : new TypeError(String(error)); });
  };

  const btoa = (text) => host.base64("encode", String(text));
  const atob = (text) => host.base64("decode", String(text));
  const crypto = { randomUUID: () => host.randomUUID() };

  const globals = { console, setTimeout, clearTimeout, queueMicrotask, AbortSignal, AbortController, URL, URLSearchParams, Headers, Response, fetch, btoa, atob, crypto };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }

  const invoke = (workflow, optionsJson) => {
    const options = JSON.parse(optionsJson);
    const entry = workflow && workflow.default;
    if (typeof entry !== "function") throw new TypeError("The workflow's entry is not a function");
    const state = {
      get: (key) => Promise.resolve().then(() => { const value = host.stateGet(String(key)); return value === null ? undefined : value; }),
      set: (key, value) => Promise.resolve().then(() => { host.stateSet(String(key), String(value)); }),
    };
    const log = (message, fields) => { host.log("info", format(message), fieldsJson(fields)); };
    const context = { env: options.env, retries: options.retries, input: options.input, state, log };
    return Promise.resolve()
      .then(() => entry(context, options.input))
      .then((output) => {
        try { return JSON.stringify(output); }
        catch (error) { throw new TypeError("The workflow's return value cannot be written as JSON: " + error.message); }
      });
  };
  return { invoke, fireTimer };
})`;
