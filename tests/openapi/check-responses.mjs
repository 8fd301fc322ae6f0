// check-responses.mjs OPENAPI.json RESPONSES.jsonl — every reply the server
// tests received (tests/support/http_client.c writes RESPONSES.jsonl when
// LS_RESPONSE_LOG is set) against the description the server publishes:
// the route and method exist (else the reply must be a 404 error, or a 405
// whose Allow header lists the path's methods), the status is documented for
// that operation (exact, then 4XX/5XX, then default), the headers the
// response marks required are there and match their schemas (Retry-After of
// a 429), the content type is one the response lists, and a JSON body
// validates against its schema with ajv — the schemas say
// additionalProperties: false (checked first: an object schema with
// properties that lets unknown fields through fails), so a field the
// description does not know fails. /mcp is left out (its JSON-RPC replies have their own tests).
// libmicrohttpd's own replies (no Content-Type: a request line over its
// buffer, 414) are counted apart. Prints one line per failure and a
// summary; exit 0 when all pass, 1 otherwise.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [specPath, logPath] = process.argv.slice(2);
if (!specPath || !logPath) {
    console.error('usage: check-responses.mjs OPENAPI.json RESPONSES.jsonl');
    process.exit(2);
}
const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const lines = readFileSync(logPath, 'utf8').split('\n').filter(Boolean);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: spec.components });

// path templates, most literal first: /v1/documents/{id}/articles/{n}
// before /v1/documents/{id} (an id may hold unencoded slashes)
const routes = Object.keys(spec.paths).map((tpl) => {
    const re = tpl.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{n\}/g, '[^/]+').replace(/\{[^}]+\}/g, '.+');
    return { tpl, re: new RegExp(`^${re}$`), literal: tpl.replace(/\{[^}]+\}/g, '').length };
}).sort((a, b) => b.literal - a.literal);

const compiled = new Map();
function validator(key, schema) {
    if (!compiled.has(key)) {
        // local refs (#/components/...) point into the description
        const s = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
        compiled.set(key, ajv.compile(s));
    }
    return compiled.get(key);
}
const deref = (r) => (r && r.$ref ? r.$ref.split('/').slice(1).reduce((o, k) => o[k], spec) : r);
const errorResponse = spec.components.responses.Error;

let checked = 0, mhd = 0, skipped = 0;
const failures = [];
// the convention that makes the check strict: every object schema with
// properties closes itself
(function closed(s, where) {
    if (Array.isArray(s)) { s.forEach((v, i) => closed(v, `${where}[${i}]`)); return; }
    if (!s || typeof s !== 'object') return;
    if (s.type === 'object' && s.properties && s.additionalProperties !== false)
        failures.push(`schema ${where}: object without additionalProperties: false (unknown fields would pass)`);
    for (const [k, v] of Object.entries(s)) closed(v, `${where}/${k}`);
})({ components: spec.components, paths: spec.paths }, '#');
for (const line of lines) {
    const x = JSON.parse(line);
    const path = x.target.split('?')[0];
    const what = `${x.method} ${x.target.slice(0, 80)} -> ${x.status}`;
    if (path === '/mcp') { skipped++; continue; }
    if (!x.content_type && x.status === 414) { mhd++; continue; }
    checked++;
    const fail = (why) => failures.push(`${what}: ${why}`);
    const route = routes.find((r) => r.re.test(decodeURI(path)) || r.re.test(path));
    const method = x.method === 'HEAD' ? 'get' : x.method.toLowerCase();
    const op = route && spec.paths[route.tpl][method];
    let response, key;
    if (!route) {
        if (x.status !== 404) { fail('no such path in the description, and not a 404'); continue; }
        response = errorResponse; key = 'Error';
    } else if (!op) {
        if (x.status !== 405) { fail(`no ${method} operation at ${route.tpl}, and not a 405`); continue; }
        const methods = Object.keys(spec.paths[route.tpl]).flatMap((m) => (m === 'get' ? ['GET', 'HEAD'] : [m.toUpperCase()]));
        const allow = ((x.headers || {}).allow || '').split(',').map((m) => m.trim()).filter(Boolean);
        if (allow.sort().join() !== methods.sort().join())
            fail(`405 Allow '${(x.headers || {}).allow || ''}' is not the path's methods (${methods.join(', ')})`);
        response = errorResponse; key = 'Error';
    } else {
        const st = String(x.status);
        const k = [st, `${st[0]}XX`, 'default'].find((c) => op.responses[c]);
        if (!k) { fail(`status not documented for ${op.operationId}`); continue; }
        response = deref(op.responses[k]); key = `${op.operationId} ${k}`;
    }
    for (const [name, h] of Object.entries(response.headers || {})) {
        const got = (x.headers || {})[name.toLowerCase()];
        if (got === undefined) { if (h.required) fail(`header ${name} missing`); continue; }
        const value = h.schema && h.schema.type === 'integer' && /^-?[0-9]+$/.test(got) ? Number(got) : got;
        const hv = validator(`${key} header ${name}`, h.schema || {});
        if (!hv(value)) fail(`header ${name}: '${got}' ${hv.errors.map((e) => e.message).join('; ')}`);
    }
    const type = (x.content_type || '').split(';')[0].trim();
    const media = response.content && response.content[type];
    if (!media) {
        fail(`content type '${type}' not listed (${Object.keys(response.content || {}).join(', ') || 'none'})`);
        continue;
    }
    if (x.method === 'HEAD') continue;
    if (x.body_not_utf8) { fail('body is not UTF-8'); continue; }
    if (type !== 'application/json') continue; // HTML page, metrics text
    let body;
    try { body = JSON.parse(x.body); } catch (e) { fail(`body is not JSON: ${e.message}`); continue; }
    const v = validator(`${key} ${type}`, media.schema || {});
    if (!v(body))
        fail(v.errors.map((e) => `${e.instancePath || '/'} ${e.message}` +
            (e.params && e.params.additionalProperty ? ` '${e.params.additionalProperty}'` : '')).join('; '));
    if (body.error && body.error.status !== x.status) fail(`error.status ${body.error.status} differs from the HTTP status`);
}
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`responses: ${checked} checked against ${specPath}, ${failures.length} failed` +
    `${mhd ? `, ${mhd} libmicrohttpd's own (414, not ours)` : ''}${skipped ? `, ${skipped} /mcp left out` : ''}`);
if (checked === 0) { console.log('no responses recorded: nothing was checked'); process.exit(1); }
process.exit(failures.length ? 1 : 0);
