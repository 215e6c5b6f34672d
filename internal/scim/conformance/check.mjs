// check.mjs: an independent SCIM 2.0 conformance check of Roster's /scim/v2.
//
// It sends the request sequences of Okta's SCIM 2.0 test plan and of
// Microsoft Entra ID's SCIM validator, and judges every answer with SCIMMY's
// definitions of RFC 7643/7644 (not Roster's): resources are coerced through
// SCIMMY.Schemas.User/Group (direction "out") and must declare nothing those
// schemas do not, lists must build a SCIMMY ListResponse, errors a SCIMMY
// ErrorResponse (RFC 7644 §3.12 status/scimType pairs), the filters sent are
// parsed by SCIMMY's Filter and the resources a filtered list returns must
// match it, the discovery documents are coerced through SCIMMY's
// ServiceProviderConfig and ResourceType schemas, and /Schemas is compared
// attribute by attribute with SCIMMY's own User and Group schemas.
//
//	ROSTER_URL=http://127.0.0.1:8080 node check.mjs
//
// Without SCIM_TOKEN it signs in to GraphQL as the demo operator of `roster
// dev` (OPERATOR_EMAIL/OPERATOR_PASSWORD override it), creates an EXTERNAL
// account and a SCIM token. With SCIM_TOKEN (a token of an EXTERNAL account)
// it uses that account: the check creates users there (and deletes some).
// One line per check; the exit code is 1 when any check failed.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import SCIMMY from 'scimmy';

const rosterURL = (process.env.ROSTER_URL ?? '').replace(/\/+$/, '');
if (!rosterURL) {
  console.error('check.mjs: set ROSTER_URL (for example http://127.0.0.1:8080)');
  process.exit(2);
}
const base = `${rosterURL}/scim/v2`;

const URN = {
  user: SCIMMY.Schemas.User.id,
  group: SCIMMY.Schemas.Group.id,
  enterprise: SCIMMY.Schemas.EnterpriseUser.id,
  list: SCIMMY.Messages.ListResponse.id,
  error: SCIMMY.Messages.ErrorResponse.id,
  patch: SCIMMY.Messages.PatchOp.id,
  search: SCIMMY.Messages.SearchRequest.id,
  spc: SCIMMY.Schemas.ServiceProviderConfig.id,
  resourceType: SCIMMY.Schemas.ResourceType.id,
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
};

/**
 * Where Roster's /Schemas deliberately differs from SCIMMY's schemas (the
 * RFC's): attribute path → the characteristics that differ and why. Any
 * other difference fails the check. README (SCIM 2.0 provisioning) says the
 * same.
 */
const DEVIATIONS = {
  'Group.displayName': {
    mutability: 'readOnly',
    uniqueness: 'server',
    why: 'groups are the fixed roles (ADMINISTRATOR, FINANCE_MANAGER, USER): a group cannot be renamed, and each name is one role',
  },
  'Group.members.display': {
    mutability: 'readOnly',
    why: "the server fills it with the member's userName; what a client sends there is ignored",
  },
};

/**
 * Members the RFC's own examples use but SCIMMY's definitions do not declare
 * (so the strict "nothing undeclared" walk allows them).
 */
const EXTRA_ALLOWED = {
  ServiceProviderConfig: ['authenticationSchemes.primary'], // RFC 7643 §8.5's example
};

// ---------------------------------------------------------------------------
// Checks and reporting.

let passed = 0;
const failed = [];

/** check runs one named check: it passes unless fn throws. */
let throttled = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`PASS ${name}`);
  } catch (e) {
    failed.push(name);
    console.log(`FAIL ${name}\n     ${String(e?.message ?? e).replaceAll('\n', '\n     ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  assert(a === b, `${what}: got ${a}, want ${b}`);
}

// ---------------------------------------------------------------------------
// HTTP.

let token = process.env.SCIM_TOKEN ?? '';

/** scim sends one SCIM request; auth false sends no token, a string that token. */
async function scim(method, path, body, { auth = true, raw } = {}) {
  const headers = { Accept: 'application/scim+json' };
  const bearer = auth === true ? token : auth;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    headers['Content-Type'] = 'application/scim+json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/scim+json';
  }
  // Like Okta and Entra ID, wait out a 429 for its Retry-After (the shipped
  // limit, 20 requests a second per token with bursts of 100, is what runs).
  let res;
  for (let attempt = 0; ; attempt++) {
    res = await fetch(base + path, { method, headers, body: payload });
    if (res.status !== 429 || attempt === 5) break;
    const wait = Number(res.headers.get('Retry-After'));
    assert(Number.isInteger(wait) && wait >= 1, `${method} ${path}: 429 without a Retry-After of whole seconds`);
    await res.text();
    throttled++;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
  const text = await res.text();
  let json;
  if (text.length) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path}: HTTP ${res.status}, body is not JSON: ${text.slice(0, 200)}`);
    }
  }
  return { status: res.status, headers: res.headers, body: json, text, what: `${method} ${path}` };
}

/** expect checks the status and, for a body, its media type (RFC 7644 §8.1). */
function expect(res, status) {
  assert(
    res.status === status,
    `${res.what}: HTTP ${res.status}, want ${status}${res.text ? `: ${res.text.slice(0, 300)}` : ''}`,
  );
  if (res.text.length) {
    const ct = res.headers.get('content-type') ?? '';
    assert(ct.split(';')[0].trim() === 'application/scim+json', `${res.what}: Content-Type ${JSON.stringify(ct)}, want application/scim+json`);
  }
  return res.body;
}

async function gql(query, variables, bearer) {
  const res = await fetch(`${rosterURL}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors[0].message} (${body.errors[0].extensions?.code})`);
  return body.data;
}

// ---------------------------------------------------------------------------
// Validation with SCIMMY as the oracle.

const isDateTime = (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * undeclared returns the members of value that definition (a SCIMMY
 * SchemaDefinition) does not declare, as dotted paths; extensions are walked
 * through their own definitions.
 */
function undeclared(definition, value, allowed = []) {
  const out = [];
  const walk = (attrs, obj, prefix) => {
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix + k;
      if (allowed.includes(path)) continue;
      const attr = attrs.find((a) => a.name.toLowerCase() === k.toLowerCase());
      if (!attr) {
        out.push(path);
        continue;
      }
      if (String(attr.type) === 'complex' && v && typeof v === 'object') {
        for (const item of Array.isArray(v) ? v : [v]) {
          if (item && typeof item === 'object') walk(attr.subAttributes, item, path + '.');
        }
      }
    }
  };
  const own = definition.attributes.filter((a) => a instanceof SCIMMY.Types.Attribute);
  const top = {};
  for (const [k, v] of Object.entries(value)) {
    const ext = definition.attributes.find((a) => a instanceof SCIMMY.Types.SchemaDefinition && a.id.toLowerCase() === k.toLowerCase());
    if (ext) walk(ext.attributes.filter((a) => a instanceof SCIMMY.Types.Attribute), v, k + ':');
    else if (k.includes(':')) out.push(k);
    else top[k] = v;
  }
  walk(own, top, '');
  return out;
}

/**
 * resource checks one resource of a response: coerced by SCIMMY's schema
 * definition (direction "out": types, multiplicity, canonical values,
 * required attributes), nothing undeclared, schemas, id, meta.
 * missingOK lists the required attributes a projection may leave out.
 */
function resource(kind, r, { endpoint, missingOK = [], what = kind } = {}) {
  const definition = kind === 'User' ? SCIMMY.Schemas.User.definition : kind === 'Group' ? SCIMMY.Schemas.Group.definition : null;
  assert(r && typeof r === 'object' && !Array.isArray(r), `${what}: not an object`);
  assert(Array.isArray(r.schemas) && r.schemas.includes(definition.id), `${what}: schemas ${JSON.stringify(r.schemas)} lacks ${definition.id}`);
  assert(typeof r.id === 'string' && r.id.length > 0, `${what}: id missing (returned "always")`);
  const extra = undeclared(definition, Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'schemas')));
  assert(!extra.length, `${what}: attributes SCIMMY's ${kind} schema does not declare: ${extra.join(', ')}`);
  // Every extension named in schemas must be one SCIMMY's definition knows,
  // and every extension object present must be named in schemas.
  for (const s of r.schemas) {
    assert(
      s === definition.id || definition.attributes.some((a) => a instanceof SCIMMY.Types.SchemaDefinition && a.id === s),
      `${what}: schemas names ${s}, which is not an extension of ${kind}`,
    );
  }
  try {
    definition.coerce(r, 'out');
  } catch (e) {
    const m = /^Required attribute '(\w+)' is missing/.exec(e.message);
    if (!m || !missingOK.includes(m[1])) throw new Error(`${what}: SCIMMY ${kind} schema rejects it: ${e.message}`);
  }
  if ('password' in r) throw new Error(`${what}: password returned (RFC 7643 §4.1.1: returned "never")`);
  if (r.meta !== undefined) {
    eq(r.meta.resourceType, kind, `${what}: meta.resourceType`);
    if (endpoint) eq(r.meta.location, `${base}${endpoint}/${r.id}`, `${what}: meta.location`);
    for (const k of ['created', 'lastModified']) {
      if (r.meta[k] !== undefined) assert(isDateTime(r.meta[k]), `${what}: meta.${k} ${JSON.stringify(r.meta[k])} is not an xsd:dateTime`);
    }
    assert(r.meta.version === undefined, `${what}: meta.version present while /ServiceProviderConfig says etag unsupported`);
  }
  return r;
}

/** user checks a full User (meta with every member). */
function user(r, what = 'User') {
  resource('User', r, { endpoint: '/Users', what });
  assert(r.meta && r.meta.created && r.meta.lastModified && r.meta.location, `${what}: meta lacks created/lastModified/location`);
  return r;
}

function group(r, what = 'Group', opts = {}) {
  resource('Group', r, { endpoint: '/Groups', what, ...opts });
  return r;
}

/**
 * list checks a ListResponse (RFC 7644 §3.4.2) with SCIMMY's
 * ListResponse, and each resource with item.
 */
function list(body, item, { startIndex = 1, what = 'ListResponse' } = {}) {
  eq(body.schemas, [URN.list], `${what}: schemas`);
  let parsed;
  try {
    parsed = new SCIMMY.Messages.ListResponse(body);
  } catch (e) {
    throw new Error(`${what}: SCIMMY ListResponse rejects it: ${e.message}`);
  }
  for (const k of ['totalResults', 'startIndex', 'itemsPerPage']) {
    assert(Number.isInteger(body[k]) && body[k] >= 0, `${what}: ${k} ${JSON.stringify(body[k])} is not a non-negative integer`);
  }
  assert(Array.isArray(body.Resources), `${what}: Resources is not an array`);
  eq(parsed.Resources.length, body.Resources.length, `${what}: Resources kept by SCIMMY`);
  eq(body.itemsPerPage, body.Resources.length, `${what}: itemsPerPage vs Resources`);
  eq(body.startIndex, startIndex, `${what}: startIndex`);
  assert(body.totalResults >= body.Resources.length, `${what}: totalResults ${body.totalResults} < ${body.Resources.length} Resources`);
  body.Resources.forEach((r, i) => item(r, `${what}.Resources[${i}]`));
  return body;
}

/** filtered checks that every resource of a filtered list matches the filter as SCIMMY evaluates it. */
function filtered(body, filter) {
  const f = new SCIMMY.Types.Filter(filter);
  const matched = f.match(body.Resources);
  eq(matched.length, body.Resources.length, `resources matching ${filter} (SCIMMY Filter.match)`);
}

/** filterOK parses a filter with SCIMMY's parser: it must be valid before we send it. */
function filterOK(filter) {
  try {
    new SCIMMY.Types.Filter(filter);
  } catch (e) {
    throw new Error(`SCIMMY cannot parse the filter ${filter} we meant to send: ${e.message}`);
  }
  return encodeURIComponent(filter);
}

/**
 * error checks a SCIM error (RFC 7644 §3.12): the status, the body's
 * schemas, status as a string, and the status/scimType pair as SCIMMY's
 * ErrorResponse accepts it.
 */
function error(res, status, scimType) {
  const body = expect(res, status);
  assert(body && typeof body === 'object', `${res.what}: error without a body`);
  eq(body.schemas, [URN.error], `${res.what}: error schemas`);
  assert(typeof body.status === 'string', `${res.what}: error status ${JSON.stringify(body.status)} is not a string`);
  eq(body.status, String(status), `${res.what}: error status`);
  try {
    new SCIMMY.Messages.ErrorResponse({ status: Number(body.status), scimType: body.scimType, detail: body.detail });
  } catch (e) {
    throw new Error(`${res.what}: SCIMMY ErrorResponse rejects it: ${e.message}`);
  }
  if (scimType !== undefined) eq(body.scimType, scimType, `${res.what}: scimType`);
  if (body.detail !== undefined) assert(typeof body.detail === 'string', `${res.what}: detail is not a string`);
  return body;
}

/** patchOp builds a PatchOp request; rfc true has SCIMMY's PatchOp validate it first. */
function patchOp(ops, { rfc = true } = {}) {
  const body = { schemas: [URN.patch], Operations: ops };
  if (rfc) {
    try {
      new SCIMMY.Messages.PatchOp(body);
    } catch (e) {
      throw new Error(`SCIMMY rejects the PatchOp we meant to send: ${e.message}`);
    }
  }
  return body;
}

/** created checks a 201 from POST: Location equals meta.location (RFC 7644 §3.3). */
function created(res, validate) {
  const body = validate(expect(res, 201));
  eq(res.headers.get('location'), body.meta.location, `${res.what}: Location header vs meta.location`);
  return body;
}

// ---------------------------------------------------------------------------
// Request bodies, as Okta and Entra ID send them.

const tag = randomUUID().slice(0, 8);

function oktaUser(userName, given, family) {
  return {
    schemas: [URN.user],
    userName,
    name: { givenName: given, familyName: family },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: `${given} ${family}`,
    locale: 'en-US',
    externalId: `00u${tag}${given}`,
    groups: [],
    password: '1mz050nq',
    active: true,
  };
}

function entraUser(upn, mail, externalId) {
  return {
    schemas: [URN.user, URN.enterprise],
    externalId,
    userName: upn,
    active: true,
    addresses: [{ primary: true, type: 'work', country: 'NL', formatted: 'Damrak 1, Amsterdam' }],
    displayName: 'Ada Lovelace',
    emails: [{ primary: true, type: 'work', value: mail }],
    meta: { resourceType: 'User' },
    name: { formatted: 'Ada Lovelace', familyName: 'Lovelace', givenName: 'Ada' },
    phoneNumbers: [{ primary: true, type: 'mobile', value: '+31 6 12345678' }],
    title: 'Engineer',
    [URN.enterprise]: { department: 'R&D', employeeNumber: '42', manager: { value: randomUUID() } },
  };
}

// ---------------------------------------------------------------------------
// The account and token.

async function bootstrap() {
  if (token) {
    console.log(`# using SCIM_TOKEN against ${base}`);
    return;
  }
  const email = process.env.OPERATOR_EMAIL ?? 'operator@roster.test';
  const password = process.env.OPERATOR_PASSWORD ?? 'roster-demo-2026';
  const { signIn } = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`, { e: email, p: password });
  const { createAccount } = await gql(
    `mutation($n: String!, $o: String!) { createAccount(name: $n, ownerEmail: $o, userDirectory: EXTERNAL) { account { id userDirectory } } }`,
    { n: `SCIM check ${tag}`, o: `owner-${tag}@scimcheck.test` },
    signIn.token,
  );
  const { createScimToken } = await gql(
    `mutation($a: ID!, $d: String!) { createScimToken(accountId: $a, description: $d) { secret } }`,
    { a: createAccount.account.id, d: 'SCIM conformance check (SCIMMY)' },
    signIn.token,
  );
  token = createScimToken.secret;
  console.log(`# EXTERNAL account ${createAccount.account.id} ("SCIM check ${tag}") and a SCIM token, as ${email}; SCIM at ${base}`);
}

// ---------------------------------------------------------------------------
// The oracle's own test: documents each validator must refuse.

function selfTest() {
  const good = {
    schemas: [URN.user], id: 'u1', userName: 'a@b.test', active: true,
    emails: [{ value: 'a@b.test', type: 'work', primary: true }],
    meta: { resourceType: 'User', created: '2026-01-02T03:04:05Z', lastModified: '2026-01-02T03:04:05Z', location: `${base}/Users/u1` },
  };
  user(structuredClone(good), 'good User'); // must pass, or the bad ones below prove nothing
  const bad = {
    'active as a string': (u) => (u.active = 'False'),
    'emails not a list': (u) => (u.emails = { value: 'a@b.test' }),
    'emails.type not canonical': (u) => (u.emails[0].type = 'office'),
    'userName missing': (u) => delete u.userName,
    'an undeclared attribute': (u) => (u.nickname2 = 'x'),
    'an undeclared sub-attribute': (u) => (u.emails[0].verified = true),
    'meta.created not a dateTime': (u) => (u.meta.created = 'yesterday'),
    'meta.location elsewhere': (u) => (u.meta.location = `${base}/Users/u2`),
    'meta.resourceType Group': (u) => (u.meta.resourceType = 'Group'),
    'password returned': (u) => (u.password = 'x'),
    'schemas without the User URN': (u) => (u.schemas = [URN.group]),
  };
  for (const [name, spoil] of Object.entries(bad)) {
    const u = structuredClone(good);
    spoil(u);
    let threw = false;
    try {
      user(u, name);
    } catch {
      threw = true;
    }
    assert(threw, `the User validator accepts a User with ${name}`);
  }
  const goodList = { schemas: [URN.list], totalResults: 1, startIndex: 1, itemsPerPage: 1, Resources: [good] };
  list(structuredClone(goodList), user);
  for (const [name, spoil] of Object.entries({
    'a second schema': (l) => l.schemas.push(URN.user),
    'itemsPerPage wrong': (l) => (l.itemsPerPage = 5),
    'totalResults a string': (l) => (l.totalResults = 'x'),
    'a bad resource': (l) => (l.Resources[0].active = 'yes'),
  })) {
    const l = structuredClone(goodList);
    spoil(l);
    let threw = false;
    try {
      list(l, user);
    } catch {
      threw = true;
    }
    assert(threw, `the ListResponse validator accepts a list with ${name}`);
  }
  const errRes = (status, body) => ({ status, headers: new Headers({ 'content-type': 'application/scim+json' }), body, text: JSON.stringify(body), what: 'self-test' });
  error(errRes(409, { schemas: [URN.error], status: '409', scimType: 'uniqueness', detail: 'x' }), 409, 'uniqueness');
  for (const [name, res] of Object.entries({
    'status as a number': errRes(400, { schemas: [URN.error], status: 400, scimType: 'invalidFilter' }),
    'a scimType not in RFC 7644 §3.12': errRes(400, { schemas: [URN.error], status: '400', scimType: 'badThing' }),
    'uniqueness with 400': errRes(400, { schemas: [URN.error], status: '400', scimType: 'uniqueness' }),
    'no schemas': errRes(404, { status: '404' }),
  })) {
    let threw = false;
    try {
      error(res, res.status);
    } catch {
      threw = true;
    }
    assert(threw, `the error validator accepts an error with ${name}`);
  }
}

// ---------------------------------------------------------------------------
// The sequences.

/** compareSchema compares one of our /Schemas entries with SCIMMY's schema definition of the same id. */
function compareSchema(ours, definition) {
  const theirs = JSON.parse(JSON.stringify(definition.describe('')));
  const problems = [];
  const chars = ['type', 'multiValued', 'mutability', 'returned', 'required', 'caseExact', 'uniqueness'];
  const walk = (oursAttrs, theirsAttrs, prefix) => {
    for (const a of oursAttrs ?? []) {
      const path = `${definition.name}.${prefix}${a.name}`;
      for (const k of ['name', 'type', 'multiValued', 'required', 'mutability', 'returned']) {
        if (a[k] === undefined) problems.push(`${path}: no ${k} (RFC 7643 §7)`);
      }
      const t = theirsAttrs.find((x) => x.name === a.name);
      if (!t) {
        problems.push(`${path}: not an attribute of SCIMMY's ${definition.name} schema`);
        continue;
      }
      const dev = DEVIATIONS[path] ?? {};
      for (const k of chars) {
        if (t[k] === undefined || a[k] === undefined) continue; // a characteristic one side leaves to its default
        if (a[k] === t[k]) continue;
        if (dev[k] === a[k]) continue;
        problems.push(`${path}: ${k} ${JSON.stringify(a[k])}, SCIMMY ${JSON.stringify(t[k])}`);
      }
      if (a.type === 'complex') walk(a.subAttributes, t.subAttributes ?? [], `${prefix}${a.name}.`);
    }
  };
  walk(ours.attributes, theirs.attributes, '');
  assert(!problems.length, problems.join('\n'));
}

async function discovery() {
  await check('discovery: GET /ServiceProviderConfig (no token) coerced by SCIMMY ServiceProviderConfig', async () => {
    const res = await scim('GET', '/ServiceProviderConfig', undefined, { auth: false });
    const b = expect(res, 200);
    eq(b.schemas, [URN.spc], 'schemas');
    const extra = undeclared(SCIMMY.Schemas.ServiceProviderConfig.definition, Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'schemas')), EXTRA_ALLOWED.ServiceProviderConfig);
    assert(!extra.length, `members SCIMMY's ServiceProviderConfig does not declare: ${extra.join(', ')}`);
    SCIMMY.Schemas.ServiceProviderConfig.definition.coerce(b, 'out');
    eq(b.patch.supported, true, 'patch.supported');
    eq(b.filter.supported, true, 'filter.supported');
    assert(Number.isInteger(b.filter.maxResults) && b.filter.maxResults > 0, 'filter.maxResults');
    eq(b.meta?.resourceType, 'ServiceProviderConfig', 'meta.resourceType');
    eq(b.meta?.location, `${base}/ServiceProviderConfig`, 'meta.location');
  });
  let types;
  await check('discovery: GET /ResourceTypes is a ListResponse of User and Group, each coerced by SCIMMY ResourceType', async () => {
    const b = list(expect(await scim('GET', '/ResourceTypes', undefined, { auth: false }), 200), (r, what) => {
      eq(r.schemas, [URN.resourceType], `${what}: schemas`);
      SCIMMY.Schemas.ResourceType.definition.coerce(r, 'out');
      const extra = undeclared(SCIMMY.Schemas.ResourceType.definition, Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'schemas')));
      assert(!extra.length, `${what}: members SCIMMY's ResourceType does not declare: ${extra.join(', ')}`);
      eq(r.meta?.resourceType, 'ResourceType', `${what}: meta.resourceType`);
      eq(r.meta?.location, `${base}/ResourceTypes/${r.id}`, `${what}: meta.location`);
    });
    types = Object.fromEntries(b.Resources.map((r) => [r.name, r]));
    eq(types.User?.endpoint, '/Users', 'User endpoint');
    eq(types.User?.schema, URN.user, 'User schema');
    eq(types.Group?.endpoint, '/Groups', 'Group endpoint');
    eq(types.Group?.schema, URN.group, 'Group schema');
  });
  await check('discovery: GET /ResourceTypes/User', async () => {
    const r = expect(await scim('GET', '/ResourceTypes/User', undefined, { auth: false }), 200);
    SCIMMY.Schemas.ResourceType.definition.coerce(r, 'out');
    eq(r.id, 'User', 'id');
  });
  let schemaList;
  await check('discovery: GET /Schemas is a ListResponse of the User and Group schemas', async () => {
    const b = list(expect(await scim('GET', '/Schemas', undefined, { auth: false }), 200), (r, what) => {
      eq(r.schemas, [URN.schema], `${what}: schemas`);
      assert(typeof r.id === 'string' && Array.isArray(r.attributes), `${what}: id and attributes`);
      eq(r.meta?.resourceType, 'Schema', `${what}: meta.resourceType`);
      eq(r.meta?.location, `${base}/Schemas/${r.id}`, `${what}: meta.location`);
    });
    schemaList = Object.fromEntries(b.Resources.map((r) => [r.id, r]));
    assert(schemaList[URN.user] && schemaList[URN.group], `schemas listed: ${Object.keys(schemaList).join(', ')}`);
    for (const t of Object.values(types ?? {})) {
      assert(schemaList[t.schema], `ResourceType ${t.name} names schema ${t.schema}, absent from /Schemas`);
      for (const ext of t.schemaExtensions ?? []) assert(schemaList[ext.schema], `extension ${ext.schema} absent from /Schemas`);
    }
  });
  await check("discovery: /Schemas User attributes agree with SCIMMY's User schema (type, multiValued, mutability, returned, required, caseExact, uniqueness)", async () => {
    assert(schemaList, 'no /Schemas');
    compareSchema(schemaList[URN.user], SCIMMY.Schemas.User.definition);
  });
  await check("discovery: /Schemas Group attributes agree with SCIMMY's Group schema (deviations documented)", async () => {
    assert(schemaList, 'no /Schemas');
    compareSchema(schemaList[URN.group], SCIMMY.Schemas.Group.definition);
  });
  await check('discovery: GET /Schemas/{User URN} is the same document', async () => {
    const r = expect(await scim('GET', `/Schemas/${URN.user}`, undefined, { auth: false }), 200);
    eq(r, schemaList[URN.user], 'document');
  });
}

async function auth() {
  await check('auth: GET /Users without a token is a 401 SCIM error', async () => {
    error(await scim('GET', '/Users', undefined, { auth: false }), 401);
  });
  await check('auth: GET /Users with an unknown token is a 401 SCIM error', async () => {
    error(await scim('GET', '/Users', undefined, { auth: `roster_scim_${randomUUID()}` }), 401);
  });
}

/** okta runs Okta's SCIM 2.0 test plan (its Runscope "SCIM 2.0 Spec Test"), then its profile push. */
async function okta() {
  const userName = `jane.doe.${tag}@atko.test`;
  let id;
  await check('okta: GET /Users?count=1&startIndex=1 is a ListResponse', async () => {
    list(expect(await scim('GET', '/Users?count=1&startIndex=1'), 200), user);
  });
  await check('okta: filter userName eq a random user finds none', async () => {
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(`userName eq "random-${tag}@atko.test"`)}`), 200), user);
    eq(b.totalResults, 0, 'totalResults');
  });
  await check('okta: GET /Users/{unknown id} is a 404 SCIM error', async () => {
    error(await scim('GET', '/Users/010101001010101'), 404);
  });
  await check('okta: POST /Users creates (201, Location, password not returned)', async () => {
    const b = created(await scim('POST', '/Users', oktaUser(userName, 'Jane', 'Doe')), user);
    id = b.id;
    eq(b.userName, userName, 'userName');
    eq(b.active, true, 'active');
    eq(b.name?.givenName, 'Jane', 'name.givenName');
    eq(b.emails?.[0]?.value, userName, 'emails[0].value');
  });
  await check('okta: GET /Users/{id} reads the user back', async () => {
    const b = user(expect(await scim('GET', `/Users/${id}`), 200));
    eq(b.id, id, 'id');
    eq(b.userName, userName, 'userName');
  });
  await check('okta: filter userName eq finds exactly the user (SCIMMY Filter.match agrees)', async () => {
    const f = `userName eq "${userName}"`;
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(f)}`), 200), user);
    eq(b.Resources.map((r) => r.id), [id], 'ids');
    filtered(b, f);
  });
  await check('okta: filter userName eq is case-insensitive (RFC 7643 userName caseExact false)', async () => {
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(`userName eq "${userName.toUpperCase()}"`)}`), 200), user);
    eq(b.Resources.map((r) => r.id), [id], 'ids');
  });
  await check('okta: POST the same user again is 409 uniqueness', async () => {
    error(await scim('POST', '/Users', oktaUser(userName, 'Jane', 'Doe')), 409, 'uniqueness');
  });
  await check('okta: PUT /Users/{id} replaces the profile', async () => {
    const cur = expect(await scim('GET', `/Users/${id}`), 200);
    const put = { ...cur, name: { givenName: 'Jane', familyName: 'Smith' }, displayName: 'Jane Smith' };
    delete put.meta;
    const b = user(expect(await scim('PUT', `/Users/${id}`, put), 200));
    eq(b.name?.familyName, 'Smith', 'name.familyName');
    eq(b.displayName, 'Jane Smith', 'displayName');
  });
  await check('okta: PATCH replace name.familyName and emails[type eq "work"].value', async () => {
    const newMail = `jane.smith.${tag}@atko.test`;
    const b = user(
      expect(
        await scim('PATCH', `/Users/${id}`, patchOp([
          { op: 'replace', path: 'name.familyName', value: 'Doe-Smith' },
          { op: 'replace', path: 'emails[type eq "work"].value', value: newMail },
        ])),
        200,
      ),
    );
    eq(b.name?.familyName, 'Doe-Smith', 'name.familyName');
    eq(b.emails?.find((e) => e.type === 'work')?.value, newMail, 'work email');
  });
  await check('okta: PATCH replace {active: false} deactivates', async () => {
    const b = user(expect(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'replace', value: { active: false } }])), 200));
    eq(b.active, false, 'active');
  });
  await check('okta: filter active eq false finds the user (SCIMMY Filter.match agrees)', async () => {
    const f = `userName eq "${userName}" and active eq false`;
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(f)}`), 200), user);
    eq(b.Resources.map((r) => r.id), [id], 'ids');
    filtered(b, f);
  });
  await check('okta: PATCH replace path active true reactivates', async () => {
    const b = user(expect(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'replace', path: 'active', value: true }])), 200));
    eq(b.active, true, 'active');
  });
  return { id, userName };
}

/** entra runs the requests of Microsoft Entra ID's SCIM validator and provisioning service. */
async function entra() {
  const upn = `ada.${tag}@contoso.onmicrosoft.test`;
  const externalId = randomUUID();
  let id;
  await check('entra: filter userName eq a user not yet provisioned finds none', async () => {
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(`userName eq "${upn}"`)}`), 200), user);
    eq(b.totalResults, 0, 'totalResults');
  });
  await check('entra: POST /Users with the enterprise extension and unkept attributes (201)', async () => {
    const b = created(await scim('POST', '/Users', entraUser(upn, `ada.${tag}@contoso.test`, externalId)), user);
    id = b.id;
    eq(b.userName, upn, 'userName');
    eq(b.externalId, externalId, 'externalId');
  });
  for (const [name, f] of [
    ['filter existing user', `userName eq "${upn}"`],
    ['filter existing user with different case', `userName eq "${upn.toUpperCase()}"`],
    ['filter by externalId', `externalId eq "${externalId}"`],
    ['filter by work email value path', `emails[type eq "work"].value eq "ada.${tag}@contoso.test"`],
    ['filter with or', `userName eq "${upn}" or userName eq "nobody-${tag}@contoso.test"`],
  ]) {
    await check(`entra: ${name}: ${f}`, async () => {
      const b = list(expect(await scim('GET', `/Users?filter=${filterOK(f)}`), 200), user);
      eq(b.Resources.map((r) => r.id), [id], 'ids');
      if (f === f.toLowerCase() || !f.includes(upn.toUpperCase())) filtered(b, f);
    });
  }
  await check('entra: PATCH with capitalised ops on several attributes (Replace, Add)', async () => {
    const b = user(
      expect(
        await scim('PATCH', `/Users/${id}`, patchOp([
          { op: 'Replace', path: 'displayName', value: 'Ada King' },
          { op: 'Replace', path: 'name.givenName', value: 'Augusta' },
          { op: 'Replace', path: 'name.familyName', value: 'King' },
          { op: 'Add', path: 'emails[type eq "work"].value', value: `ada.king.${tag}@contoso.test` },
          { op: 'Replace', path: `${URN.enterprise}:department`, value: 'Analytical Engines' },
          { op: 'Replace', path: 'title', value: 'Countess' },
        ], { rfc: false })), // RFC 7644's op names are lower case; Entra's are not
        200,
      ),
    );
    eq(b.displayName, 'Ada King', 'displayName');
    eq(b.name?.givenName, 'Augusta', 'name.givenName');
    eq(b.emails?.find((e) => e.type === 'work')?.value, `ada.king.${tag}@contoso.test`, 'work email');
  });
  await check('entra: PATCH path-less Replace whose value keys are paths', async () => {
    const b = user(
      expect(
        await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'Replace', value: { displayName: 'Ada Lovelace', 'name.givenName': 'Ada', 'name.familyName': 'Lovelace' } }], { rfc: false })),
        200,
      ),
    );
    eq(b.displayName, 'Ada Lovelace', 'displayName');
    eq([b.name?.givenName, b.name?.familyName], ['Ada', 'Lovelace'], 'name');
  });
  await check('entra: PATCH Replace active "False" (a string) disables', async () => {
    const b = user(expect(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'Replace', path: 'active', value: 'False' }], { rfc: false })), 200));
    eq(b.active, false, 'active');
    eq(user(expect(await scim('GET', `/Users/${id}`), 200)).active, false, 'active read back');
  });
  await check('entra: PATCH path-less Replace {active: "True"} enables', async () => {
    const b = user(expect(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'Replace', value: { active: 'True' } }], { rfc: false })), 200));
    eq(b.active, true, 'active');
  });
  await check('entra: PATCH Replace userName', async () => {
    const b = user(expect(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'replace', path: 'userName', value: `lovelace.${tag}@contoso.onmicrosoft.test` }])), 200));
    eq(b.userName, `lovelace.${tag}@contoso.onmicrosoft.test`, 'userName');
  });
  return { id };
}

async function projection(id) {
  await check('attributes=userName,name.givenName returns those (and id, schemas) only', async () => {
    const b = expect(await scim('GET', `/Users/${id}?attributes=userName,name.givenName`), 200);
    resource('User', b, { what: 'projected User' });
    const keys = Object.keys(b).filter((k) => !['id', 'schemas'].includes(k)).sort();
    eq(keys, ['name', 'userName'], 'attributes returned');
    eq(Object.keys(b.name), ['givenName'], 'name sub-attributes');
  });
  await check('excludedAttributes=emails,name leaves them out', async () => {
    const b = user(expect(await scim('GET', `/Users/${id}?excludedAttributes=emails,name`), 200));
    assert(!('emails' in b) && !('name' in b), `still there: ${Object.keys(b).join(', ')}`);
    assert('userName' in b, 'userName missing');
  });
  await check('list with attributes=userName projects every resource', async () => {
    const b = list(expect(await scim('GET', '/Users?attributes=userName'), 200), (r, what) => {
      resource('User', r, { what });
      eq(Object.keys(r).sort(), ['id', 'schemas', 'userName'], `${what}: attributes`);
    });
    assert(b.Resources.length > 0, 'no resources');
  });
  await check('POST /Users/.search (SearchRequest) with filter and attributes', async () => {
    const body = { schemas: [URN.search], filter: `id eq "${id}"`, attributes: ['userName'], startIndex: 1, count: 10 };
    new SCIMMY.Messages.SearchRequest(body);
    const b = list(expect(await scim('POST', '/Users/.search', body), 200), (r, what) => resource('User', r, { what }));
    eq(b.Resources.map((r) => r.id), [id], 'ids');
  });
}

async function paging() {
  const ids = [];
  await check('paging: create three more users', async () => {
    for (const n of ['ann', 'bob', 'cy']) {
      ids.push(created(await scim('POST', '/Users', oktaUser(`${n}.${tag}@atko.test`, n, 'Page')), user).id);
    }
  });
  let total;
  await check('paging: startIndex=1&count=2 then startIndex=3&count=2 are disjoint pages of one total', async () => {
    const a = list(expect(await scim('GET', '/Users?startIndex=1&count=2'), 200), user);
    const b = list(expect(await scim('GET', '/Users?startIndex=3&count=2'), 200), user, { startIndex: 3 });
    total = a.totalResults;
    assert(total >= 5, `totalResults ${total}, want at least 5`);
    eq(a.Resources.length, 2, 'first page size');
    eq(b.totalResults, total, 'totalResults of page 2');
    const seen = new Set(a.Resources.map((r) => r.id));
    for (const r of b.Resources) assert(!seen.has(r.id), `${r.id} on both pages`);
  });
  await check('paging: count=0 gives totalResults and no Resources', async () => {
    const b = list(expect(await scim('GET', '/Users?count=0'), 200), user);
    eq(b.Resources.length, 0, 'Resources');
    eq(b.totalResults, total, 'totalResults');
  });
  await check('paging: startIndex past the end gives an empty page', async () => {
    const b = list(expect(await scim('GET', `/Users?startIndex=${total + 10}&count=5`), 200), user, { startIndex: total + 10 });
    eq(b.Resources.length, 0, 'Resources');
  });
  await check('paging: filter userName sw with count=1 pages the matches (SCIMMY Filter.match agrees)', async () => {
    const f = `userName sw "bob.${tag}"`;
    const b = list(expect(await scim('GET', `/Users?filter=${filterOK(f)}&count=1`), 200), user);
    eq(b.totalResults, 1, 'totalResults');
    filtered(b, f);
  });
  return ids;
}

/**
 * filterOracle sends filters and compares the server's answer with SCIMMY's
 * own evaluation (Filter.match) of the same filter over every user of the
 * account. The values are in the data's own case, as SCIMMY compares
 * strings case-exactly.
 */
async function filterOracle() {
  let all;
  await check('filters: GET /Users?count=200 lists every user of the account', async () => {
    all = list(expect(await scim('GET', '/Users?count=200'), 200), user);
    eq(all.Resources.length, all.totalResults, 'all users on one page');
  });
  if (!all) return;
  const someDay = all.Resources[0].meta.created;
  for (const f of [
    `userName sw "ann."`,
    `userName co "${tag}"`,
    `userName ew "@atko.test"`,
    `emails[type eq "work"].value ew "@atko.test"`,
    `emails.value co "${tag}"`,
    `externalId pr`,
    `displayName pr`,
    `active eq true`,
    `active eq false`,
    `name.familyName eq "Page"`,
    `not (name.familyName eq "Page")`,
    `userName sw "ann." or userName sw "bob."`,
    `name.familyName eq "Page" and not (userName sw "cy.")`,
    `(userName sw "ann." or userName sw "bob.") and active eq true`,
    `groups.value eq "USER"`,
    `groups[value eq "USER"]`,
    `meta.created ge "${someDay}"`,
    `meta.lastModified gt "2000-01-01T00:00:00Z"`,
    `name.givenName ne "ann"`,
  ]) {
    await check(`filters: ${f} returns what SCIMMY's Filter.match selects`, async () => {
      const want = new SCIMMY.Types.Filter(f).match(all.Resources).map((r) => r.id).sort();
      const b = list(expect(await scim('GET', `/Users?count=200&filter=${filterOK(f)}`), 200), user);
      eq(b.Resources.map((r) => r.id).sort(), want, 'ids');
      eq(b.totalResults, want.length, 'totalResults');
    });
  }
}

async function groups(id) {
  await check('groups: GET /Groups is a ListResponse of Groups coerced by SCIMMY', async () => {
    const b = list(expect(await scim('GET', '/Groups'), 200), (r, what) => group(r, what));
    assert(b.Resources.length > 0, 'no groups');
  });
  await check('groups: filter displayName eq "ADMINISTRATOR" with excludedAttributes=members (Entra, Okta)', async () => {
    const f = 'displayName eq "ADMINISTRATOR"';
    const b = list(expect(await scim('GET', `/Groups?excludedAttributes=members&filter=${filterOK(f)}`), 200), (r, what) => {
      group(r, what);
      assert(!('members' in r), `${what}: members not excluded`);
    });
    eq(b.Resources.map((r) => r.displayName), ['ADMINISTRATOR'], 'displayName');
    filtered(b, f);
  });
  await check('groups: filter displayName eq an unknown group finds none', async () => {
    const b = list(expect(await scim('GET', `/Groups?filter=${filterOK(`displayName eq "Engineering ${tag}"`)}`), 200), group);
    eq(b.totalResults, 0, 'totalResults');
  });
  await check('groups: PATCH add members', async () => {
    const res = await scim('PATCH', '/Groups/ADMINISTRATOR', patchOp([{ op: 'add', path: 'members', value: [{ value: id }] }]));
    if (res.status !== 204) group(expect(res, 200));
  });
  await check('groups: the member is in the group (filter members[value eq …], GET /Groups/{id}, the User\'s groups)', async () => {
    const f = `displayName eq "ADMINISTRATOR" and members[value eq "${id}"]`;
    const b = list(expect(await scim('GET', `/Groups?filter=${filterOK(f)}`), 200), group);
    eq(b.Resources.length, 1, 'groups found');
    filtered(b, f);
    const g = group(expect(await scim('GET', '/Groups/ADMINISTRATOR'), 200));
    assert(g.members?.some((m) => m.value === id), 'member not listed');
    const u = user(expect(await scim('GET', `/Users/${id}`), 200));
    assert(u.groups?.some((x) => x.value === g.id), `User.groups ${JSON.stringify(u.groups)}`);
  });
  await check('groups: PATCH remove members[value eq …] (Okta)', async () => {
    const res = await scim('PATCH', '/Groups/ADMINISTRATOR', patchOp([{ op: 'remove', path: `members[value eq "${id}"]` }]));
    if (res.status !== 204) group(expect(res, 200));
    const g = group(expect(await scim('GET', '/Groups/ADMINISTRATOR'), 200));
    assert(!g.members?.some((m) => m.value === id), 'member still listed');
  });
  await check('groups: PATCH Add then Remove members with a value list (Entra)', async () => {
    for (const op of ['Add', 'Remove']) {
      const res = await scim('PATCH', '/Groups/FINANCE_MANAGER', patchOp([{ op, path: 'members', value: [{ value: id }] }], { rfc: false }));
      if (res.status !== 204) group(expect(res, 200));
    }
  });
  await check('groups: GET /Groups/{unknown} is a 404 SCIM error', async () => {
    error(await scim('GET', `/Groups/${randomUUID()}`), 404);
  });
}

async function errors(id, userName) {
  await check('errors: a filter SCIMMY cannot parse is 400 invalidFilter', async () => {
    const f = 'userName xx "a"';
    let parses = true;
    try {
      new SCIMMY.Types.Filter(f);
    } catch {
      parses = false;
    }
    assert(!parses, 'SCIMMY parses it: not a bad filter');
    error(await scim('GET', `/Users?filter=${encodeURIComponent(f)}`), 400, 'invalidFilter');
  });
  await check('errors: a filter on an attribute the User schema lacks is 400 invalidFilter', async () => {
    error(await scim('GET', `/Users?filter=${filterOK('nosuchattr eq "x"')}`), 400, 'invalidFilter');
  });
  await check('errors: POST a duplicate userName (other case, other email) is 409 uniqueness', async () => {
    const body = oktaUser(userName.toUpperCase(), 'Dup', 'Licate');
    body.emails = [{ primary: true, type: 'work', value: `dup.${tag}@atko.test` }];
    body.externalId = `dup-${tag}`;
    error(await scim('POST', '/Users', body), 409, 'uniqueness');
  });
  await check('errors: POST without userName is 400 invalidValue', async () => {
    const body = oktaUser(`nouser.${tag}@atko.test`, 'No', 'User');
    delete body.userName;
    error(await scim('POST', '/Users', body), 400, 'invalidValue');
  });
  await check('errors: a body that is not JSON is 400 invalidSyntax', async () => {
    error(await scim('POST', '/Users', undefined, { raw: '{"userName": ' }), 400, 'invalidSyntax');
  });
  await check('errors: PATCH a path the User schema lacks is 400 invalidPath', async () => {
    error(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'replace', path: 'nosuchattr', value: 'x' }])), 400, 'invalidPath');
  });
  await check('errors: a filter on an RFC attribute Roster does not keep (title, name.middleName) is 400 invalidFilter (documented)', async () => {
    for (const f of ['title pr', 'name.middleName eq "Q"']) error(await scim('GET', `/Users?filter=${filterOK(f)}`), 400, 'invalidFilter');
  });
  await check('errors: a filter without a value (RFC 7644 §3.4.2.2 ABNF) is 400 invalidFilter', async () => {
    error(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq')}`), 400, 'invalidFilter');
  });
  await check('errors: PATCH remove without a path is 400 noTarget (RFC 7644 §3.5.2.2)', async () => {
    error(await scim('PATCH', `/Users/${id}`, patchOp([{ op: 'remove' }], { rfc: false })), 400, 'noTarget'); // SCIMMY refuses to build it too
  });
  await check('errors: PATCH an unknown op is 400', async () => {
    const body = { schemas: [URN.patch], Operations: [{ op: 'frobnicate', path: 'displayName', value: 'x' }] };
    error(await scim('PATCH', `/Users/${id}`, body), 400);
  });
  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    await check(`errors: ${method} /Users/{unknown id} is a 404 SCIM error`, async () => {
      const body = method === 'PUT' ? oktaUser(`ghost.${tag}@atko.test`, 'Gh', 'Ost') : method === 'PATCH' ? patchOp([{ op: 'replace', path: 'active', value: false }]) : undefined;
      error(await scim(method, `/Users/${randomUUID()}`, body), 404);
    });
  }
}

async function removal(ids) {
  for (const id of ids) {
    await check(`delete: DELETE /Users/${id.slice(0, 8)}… is 204 with no body, then GET and DELETE are 404`, async () => {
      const res = await scim('DELETE', `/Users/${id}`);
      eq(res.status, 204, `${res.what}: status`);
      eq(res.text, '', `${res.what}: body`);
      error(await scim('GET', `/Users/${id}`), 404);
      error(await scim('DELETE', `/Users/${id}`), 404);
      const b = list(expect(await scim('GET', `/Users?filter=${filterOK(`id eq "${id}"`)}`), 200), user);
      eq(b.totalResults, 0, 'filter id eq after delete');
    });
  }
}

async function main() {
  await check('oracle: the validators refuse known-bad Users, lists and errors (SCIMMY self-test)', selfTest);
  await bootstrap();
  await discovery();
  await auth();
  const o = await okta();
  const e = await entra();
  if (o.id) await projection(o.id);
  const more = await paging();
  await filterOracle();
  if (o.id) await groups(o.id);
  if (o.id) await errors(o.id, o.userName);
  await removal([o.id, e.id, ...more].filter(Boolean));
  console.log(`\nSCIM conformance (SCIMMY ${SCIMMY_VERSION}): ${passed} passed, ${failed.length} failed; ${throttled} request(s) waited out a 429`);
  if (failed.length) {
    for (const f of failed) console.log(`  failed: ${f}`);
    process.exit(1);
  }
}

const SCIMMY_VERSION = JSON.parse(readFileSync(new URL('./node_modules/scimmy/package.json', import.meta.url), 'utf8')).version;

main().catch((e) => {
  console.error(`check.mjs: ${e?.stack ?? e}`);
  process.exit(2);
});
