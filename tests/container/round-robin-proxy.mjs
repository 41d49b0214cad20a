// A minimal reverse proxy for the container test: round robin over the given upstreams, no stickiness, no buffering
// of answers (each chunk is passed on as it arrives, like nginx with proxy_buffering off), and an upstream that
// refuses the connection is skipped (like nginx's proxy_next_upstream error). `node round-robin-proxy.mjs PORT URL...`
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2);
let next = 0;

function forward(req, res, body, attempt) {
  const target = new URL(req.url ?? "/", upstreams[(next + attempt) % upstreams.length]);
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (res.headersSent) return res.destroy();
    if (attempt + 1 < upstreams.length) return forward(req, res, body, attempt + 1);
    res.writeHead(502);
    res.end();
  });
  res.on("close", () => upstream.destroy());
  upstream.end(body);
}

http
  .createServer((req, res) => {
    const parts = [];
    req.on("data", (part) => parts.push(part));
    req.on("end", () => {
      next = (next + 1) % upstreams.length;
      forward(req, res, Buffer.concat(parts), 0);
    });
  })
  .listen(Number(port), "127.0.0.1");
