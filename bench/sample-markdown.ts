// Deterministic Markdown like a model writes: prose, lists, tables, code in several languages, formulas.

const PROSE = [
  "The service reads its configuration once at start-up and keeps it in memory, so a change needs a restart.",
  "Each request carries the caller's identity, which the gateway checks before it forwards anything upstream.",
  "Retries use exponential back-off with jitter, capped at thirty seconds, so a flaky backend is not overwhelmed.",
  "Logs are structured as JSON and shipped to the central store, where dashboards aggregate them per tenant.",
];

const CODE = [
  "```typescript\nexport async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {\n  for (let i = 0; i < attempts; i++) {\n    const response = await fetch(url);\n    if (response.ok) return response;\n\n    await new Promise((resolve) => setTimeout(resolve, 2 ** i * 100));\n  }\n  throw new Error(`gave up on ${url}`);\n}\n```",
  '```python\nimport json\n\n\ndef load_config(path: str) -> dict:\n    """Read the settings file, with defaults."""\n    with open(path) as handle:\n        data = json.load(handle)\n    return {"timeout": 30, **data}\n```',
  '```bash\nset -euo pipefail\nfor host in web-1 web-2 web-3; do\n  ssh "$host" \'sudo systemctl restart chat\'\n  echo "restarted $host"\ndone\n```',
  "```sql\nSELECT tenant_id, count(*) AS messages, avg(latency_ms) AS latency\nFROM chat_messages\nWHERE created_at > now() - interval '1 day'\nGROUP BY tenant_id\nORDER BY messages DESC;\n```",
];

const EXTRAS = [
  "| Setting | Default | Meaning |\n| --- | ---: | --- |\n| `timeout` | 30 | Seconds before a request fails |\n| `retries` | 3 | Attempts per request |\n| `pool` | 10 | Open connections |",
  "- **Availability**: two instances behind the load balancer\n- **Storage**: PostgreSQL with daily backups\n  - point-in-time recovery for seven days\n- ~~Redis~~ not needed any more\n- [x] health checks\n- [ ] rate limits per tenant",
  "The expected wait is $W = \\frac{L}{\\lambda}$ by Little's law, and for an M/M/1 queue:\n\n$$\nW = \\frac{1}{\\mu - \\lambda}, \\quad \\rho = \\frac{\\lambda}{\\mu} < 1\n$$",
  "> Note: rotate the `ENCRYPTION_KEY` only with the migration script, or stored secrets become unreadable.",
];

/** About `tokens` tokens (a word with its leading whitespace each) of mixed Markdown. */
export function longAnswer(tokens: number): string {
  const parts: string[] = ["## Deployment overview"];
  for (let i = 0; countTokens(parts.join("\n\n")) < tokens; i++) {
    parts.push(`${PROSE[i % PROSE.length]} ${PROSE[(i + 1) % PROSE.length]}`);
    if (i % 2 === 0) parts.push(CODE[(i / 2) % CODE.length] ?? "");
    else parts.push(EXTRAS[((i - 1) / 2) % EXTRAS.length] ?? "");
    if (i % 5 === 4) parts.push(`### Step ${(i + 1) / 5 + 1}`);
  }
  return tokenize(parts.join("\n\n")).slice(0, tokens).join("");
}

/** A conversation's worth of answers: short and long, plain and rich. */
export function conversation(messages: number): Array<{ role: "user" | "assistant"; text: string }> {
  return Array.from({ length: messages }, (_, i) => {
    if (i % 2 === 0) return { role: "user" as const, text: `Question ${i / 2 + 1}: ${PROSE[i % PROSE.length]}` };
    const k = (i - 1) / 2;
    const body = [
      PROSE[k % PROSE.length] ?? "",
      k % 3 === 0 ? (CODE[k % CODE.length] ?? "") : (EXTRAS[k % EXTRAS.length] ?? ""),
      PROSE[(k + 2) % PROSE.length] ?? "",
    ];
    return { role: "assistant" as const, text: body.join("\n\n") };
  });
}

/** The fakes' tokenisation: each word with the whitespace before it. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function countTokens(text: string): number {
  return tokenize(text).length;
}
