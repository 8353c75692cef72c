// Preloaded into the production web server (`node --require`, scripts/start.ts): lets a route
// send an answer it compressed itself. Next.js drops a route's Content-Encoding header (the body
// may have come from a fetch that already decoded it: next/dist/server/send-response.js), so a
// cached answer's gzip bytes carry `x-proda-content-encoding` instead, which this turns back into
// Content-Encoding as Node sets it. Only lib/server/http/cached-answer.ts sets that header, and
// only where this ran (the mark below): under `next dev`, whose server runs in a child process
// without the preload, answers go out uncompressed.
const http = require("node:http");

const HEADER = "x-proda-content-encoding";
const rename = (name) => (typeof name === "string" && name.toLowerCase() === HEADER ? "content-encoding" : name);
const { setHeader, appendHeader } = http.ServerResponse.prototype;
http.ServerResponse.prototype.setHeader = function (name, value) {
  return setHeader.call(this, rename(name), value);
};
http.ServerResponse.prototype.appendHeader = function (name, value) {
  return appendHeader.call(this, rename(name), value);
};
globalThis[Symbol.for("proda.encodedAnswers")] = true;
