// A real OpenID Provider (panva/oidc-provider) for the end-to-end tests, on loopback only.
//
//   node tests/e2e/oidc/provider.mjs
//
// Environment:
//   E2E_OIDC_PORT            port to listen on (default 9401); the issuer is http://127.0.0.1:PORT
//   E2E_OIDC_REDIRECT_URIS   comma list of redirect URIs of the one client (every app server under test)
//   E2E_OIDC_CLIENT_ID       default "chat-e2e"
//   E2E_OIDC_CLIENT_SECRET   default "chat-e2e-client-secret"
//
// The login page is our own tiny interaction (no external fonts or scripts): a form with "Username" and "Password"
// (any password is accepted) and a "Log in" button; consent is granted without a second page, as a company IdP does
// for a first-party app. Playwright's webServer starts and stops this process.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT || 9401);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.E2E_OIDC_CLIENT_ID || "chat-e2e";
const clientSecret = process.env.E2E_OIDC_CLIENT_SECRET || "chat-e2e-client-secret";
const redirectUris = (process.env.E2E_OIDC_REDIRECT_URIS || "http://127.0.0.1:3401/api/auth/callback/oidc")
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean);

/** The directory: subject identifiers are stable, emails and groups are what the app's policy looks at. */
const accounts = [
  { sub: "e2e-alice-0001", login: "alice", email: "alice@example.com", name: "Alice Admin", groups: ["chat-admins", "staff"] },
  { sub: "e2e-bob-0002", login: "bob", email: "bob@example.com", name: "Bob User", groups: ["staff"] },
  { sub: "e2e-mallory-0003", login: "mallory", email: "mallory@outside.test", name: "Mallory Outsider", groups: ["staff"] },
];

/** "alice", "Alice" or "alice@example.com" all name alice. */
function accountForLogin(login) {
  const wanted = String(login ?? "")
    .trim()
    .toLowerCase();
  return accounts.find((account) => account.login === wanted || account.email === wanted) ?? null;
}

const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  pkce: { required: () => true },
  scopes: ["openid", "email", "profile", "groups"],
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username"],
    groups: ["groups"],
  },
  // Put every claim of the granted scopes into the ID token (next-auth reads the profile from the ID token).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: {
    keys: [randomBytes(32).toString("base64url")],
    names: { session: "_e2e_idp_session", interaction: "_e2e_idp_interaction", resume: "_e2e_idp_resume" },
  },
  jwks: { keys: [{ ...signingKey, kid: "e2e-signing-key", use: "sig", alg: "RS256" }] },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 600,
    Grant: 3600,
    Session: 3600,
  },
  async findAccount(_ctx, id) {
    const account = accounts.find((candidate) => candidate.sub === id);
    if (!account) return undefined;
    return {
      accountId: account.sub,
      async claims() {
        return {
          sub: account.sub,
          email: account.email,
          email_verified: true,
          name: account.name,
          preferred_username: account.login,
          groups: account.groups,
        };
      },
    };
  },
  async renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = page("Identity provider error", `<p role="alert">${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? "")}</p>`);
  },
});

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 3rem auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function loginPage(uid, { error, login } = {}) {
  return page(
    "Test IdP sign-in",
    `${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
  <p><label for="login">Username</label><br><input id="login" name="login" required autofocus value="${escapeHtml(login ?? "")}"></p>
  <p><label for="password">Password</label><br><input id="password" name="password" type="password" required></p>
  <button type="submit">Log in</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`,
  );
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error("form too large");
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res, status, html) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

async function grantConsent(req, res, details) {
  const { prompt, params, session, grantId } = details;
  const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(" "));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  if (prompt.details.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes)) grant.addResourceScope(indicator, scopes.join(" "));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** Our interaction routes; everything else goes to the provider. */
async function interactions(req, res) {
  const url = new URL(req.url, issuer);
  const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
  if (!match) return false;
  const [, uid, action] = match;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    send(res, 400, page("Identity provider error", `<p role="alert">This sign-in attempt has expired. Start again.</p>`));
    return true;
  }
  if (req.method === "GET" && !action) {
    if (details.prompt.name === "login") send(res, 200, loginPage(uid, { login: details.params.login_hint }));
    else if (details.prompt.name === "consent") await grantConsent(req, res, details);
    else send(res, 501, page("Identity provider error", `<p role="alert">Unsupported prompt ${escapeHtml(details.prompt.name)}</p>`));
    return true;
  }
  if (req.method === "POST" && action === "login") {
    const form = await readForm(req);
    const account = accountForLogin(form.get("login"));
    if (!account || !form.get("password")) {
      send(res, 200, loginPage(uid, { error: "Unknown user or empty password.", login: form.get("login") }));
      return true;
    }
    await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    return true;
  }
  if (req.method === "POST" && action === "abort") {
    await provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "End-User aborted interaction" },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  send(res, 405, page("Identity provider error", '<p role="alert">Method not allowed</p>'));
  return true;
}

const providerCallback = provider.callback();
const server = http.createServer(async (req, res) => {
  try {
    if (await interactions(req, res)) return;
  } catch (error) {
    console.error(`[oidc] ${req.method} ${req.url}: ${error.message}`);
    if (!res.headersSent) send(res, 400, page("Identity provider error", `<p role="alert">${escapeHtml(error.message)}</p>`));
    return;
  }
  providerCallback(req, res);
});

provider.on("server_error", (_ctx, error) => console.error(`[oidc] server_error: ${error.stack ?? error}`));

server.listen(port, "127.0.0.1", () => {
  console.log(`[oidc] test OpenID Provider at ${issuer} (client ${clientId}; redirect URIs ${redirectUris.join(", ")})`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
