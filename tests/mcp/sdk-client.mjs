// sdk-client.mjs — drive luat-search's MCP server with the official
// TypeScript SDK client (@modelcontextprotocol/sdk): over stdio
// (`luat-search mcp --db DB`) and over Streamable HTTP (`luat-search serve`,
// POST /mcp). For each: initialize, list the tools, call every tool and
// check the results against the index of corpus/sample (the SDK itself
// validates each structuredContent against the tool's outputSchema); list
// and read the resources, complete an article number, list and get the
// prompts, set the log level (over
// stdio, the log's notifications/message); over HTTP, the session
// (Mcp-Session-Id) and its end.
// usage: node sdk-client.mjs BIN DB      exit 0 when every check passed
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';

const [bin, db] = process.argv.slice(2);
if (!bin || !db) {
  console.error('usage: node sdk-client.mjs BIN DB');
  process.exit(2);
}

let checks = 0;
function check(cond, what) {
  checks++;
  if (!cond) throw new Error(`check failed: ${what}`);
}

async function exercise(client, label) {
  const info = client.getServerVersion();
  check(info && info.name === 'luat-search', `${label}: serverInfo.name`);
  check(client.getServerCapabilities()?.tools !== undefined, `${label}: tools capability`);
  await client.ping();

  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name).sort();
  check(JSON.stringify(names) ===
        JSON.stringify(['format_citation', 'get_procedure', 'get_provision', 'get_relations',
                        'search_legislation', 'search_procedures', 'validate_citation']),
        `${label}: tool names ${names}`);
  for (const t of tools) {
    check(t.inputSchema?.type === 'object' && t.outputSchema?.type === 'object',
          `${label}: ${t.name} schemas`);
  }

  let r = await client.callTool({ name: 'search_legislation',
                                  arguments: { question: 'thoi han tam tru toi da', limit: 5 } });
  check(!r.isError, `${label}: search_legislation ok`);
  const hits = r.structuredContent.hits;
  check(hits.length >= 1 && hits.length <= 5, `${label}: 1..5 hits`);
  check(hits.slice(0, 3).some((h) => h.id === '68/2020/qh14#27'),
        `${label}: Điều 27 Luật Cư trú in the top 3`);
  check(typeof r.content[0].text === 'string' && r.content[0].type === 'text',
        `${label}: text content`);

  r = await client.callTool({ name: 'get_provision',
                              arguments: { document: '68/2020/QH14', article: 27, clause: 2 } });
  check(!r.isError, `${label}: get_provision ok`);
  check(r.structuredContent.text.startsWith('2. Thời hạn tạm trú tối đa là 02 năm'),
        `${label}: get_provision text`);
  check(r.structuredContent.heading_path.at(-1) === 'Điều 27. Điều kiện đăng ký tạm trú',
        `${label}: heading path`);

  r = await client.callTool({ name: 'validate_citation',
                              arguments: { citation: 'khoản 2 Điều 27 Luật Cư trú' } });
  check(!r.isError && r.structuredContent.all_exist === true, `${label}: citation exists`);
  check(r.structuredContent.citations[0].in_force === true, `${label}: in force`);
  r = await client.callTool({ name: 'validate_citation',
                              arguments: { citation: 'khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP' } });
  check(!r.isError && r.structuredContent.citations[0].exists === false,
        `${label}: a decree not in the index`);

  r = await client.callTool({ name: 'format_citation',
                              arguments: { citation: 'khoản 2 điều 27 luật cư trú' } });
  check(r.structuredContent?.formatted === 'khoản 2 Điều 27 Luật Cư trú số 68/2020/QH14',
        `${label}: format_citation`);

  r = await client.callTool({ name: 'get_relations',
                              arguments: { document: '123/2015/NĐ-CP', as_of: '2025-03-01' } });
  check(!r.isError && r.structuredContent?.relations?.some((x) => x.direction === 'in' &&
          x.kind === 'amends' && x.document.id === '07/2025/nđ-cp' && x.in_effect),
        `${label}: get_relations`);

  r = await client.callTool({ name: 'get_provision',
                              arguments: { document: '68/2020/QH14', article: 999 } });
  check(r.isError === true && /999/.test(r.content[0].text), `${label}: missing article is isError`);

  // administrative procedures (corpus/sample/tthc), asked in everyday words
  r = await client.callTool({ name: 'search_procedures',
                              arguments: { question: 'lam giay khai sinh cho con can mang gi', limit: 3 } });
  check(!r.isError && r.structuredContent.hits[0]?.procedure_code === '9.000001',
        `${label}: search_procedures finds the birth registration`);
  check(r.structuredContent.hits.every((h) => h.kind === 'procedure'), `${label}: procedures only`);
  r = await client.callTool({ name: 'get_procedure', arguments: { code: '9.000002' } });
  check(!r.isError && r.structuredContent.name === 'Đăng ký tạm trú (mẫu)', `${label}: get_procedure card`);
  const bases = r.structuredContent.legal_bases || [];
  check(bases.length === 3 && bases[0].resolution === 'found' &&
        bases[2].resolution === 'not-in-index', `${label}: legal bases resolved`);
  check(r.structuredContent.channels[0].time_limit.value === 3 &&
        r.structuredContent.channels[0].fee.kind === 'province', `${label}: time limit and fee`);
  r = await client.callTool({ name: 'get_procedure', arguments: { code: '0.000000' } });
  check(r.isError === true && /0\.000000/.test(r.content[0].text), `${label}: unknown procedure is isError`);

  let code = 0;
  try {
    await client.callTool({ name: 'no_such_tool', arguments: {} });
  } catch (e) {
    code = e.code;
  }
  check(code === -32602, `${label}: unknown tool -> -32602 (got ${code})`);
  await resourcesAndPrompts(client, label);
}

async function codeOf(promise) {
  try {
    await promise;
  } catch (e) {
    return e.code;
  }
  return 0;
}

async function resourcesAndPrompts(client, label) {
  const caps = client.getServerCapabilities();
  check(caps.resources && caps.prompts && caps.logging && caps.completions,
        `${label}: capabilities resources, prompts, logging, completions`);
  const { resources } = await client.listResources();
  check(resources.some((r) => r.uri === 'luat://index' && r.mimeType === 'application/json'),
        `${label}: luat://index listed`);
  const { resourceTemplates } = await client.listResourceTemplates();
  check(JSON.stringify(resourceTemplates.map((t) => t.uriTemplate)) ===
        JSON.stringify(['luat://document/{id}', 'luat://document/{id}/article/{n}']),
        `${label}: resource templates`);

  let r = await client.readResource({ uri: 'luat://index' });
  const stats = JSON.parse(r.contents[0].text);
  check(stats.documents >= 1 && stats.passages >= stats.documents && stats.by_type['Luật'] >= 1,
        `${label}: luat://index stats`);
  r = await client.readResource({ uri: 'luat://document/68%2F2020%2FQH14/article/27' });
  const art = JSON.parse(r.contents[0].text);
  check(r.contents[0].uri === 'luat://document/68%2F2020%2FQH14/article/27' &&
        art.doc_number === '68/2020/QH14' && art.article === '27' &&
        art.text.includes('Thời hạn tạm trú tối đa là 02 năm'), `${label}: article resource`);
  r = await client.readResource({ uri: 'luat://document/68/2020/qh14' });
  const doc = JSON.parse(r.contents[0].text);
  check(doc.document.number === '68/2020/QH14' && doc.articles.some((a) => a.article === '27'),
        `${label}: document resource`);
  check(await codeOf(client.readResource({ uri: 'luat://document/99%2F1999%2FQH10' })) === -32002,
        `${label}: unknown document -> -32002`);
  check(await codeOf(client.readResource({ uri: 'https://example.org/x' })) === -32602,
        `${label}: foreign URI -> -32602`);

  const { completion } = await client.complete({
    ref: { type: 'ref/resource', uri: 'luat://document/{id}/article/{n}' },
    argument: { name: 'n', value: '2' }, context: { arguments: { id: '68/2020/QH14' } } });
  check(completion.values.includes('27') && completion.values.every((v) => v.startsWith('2')),
        `${label}: article numbers completed (${completion.values})`);

  const { prompts } = await client.listPrompts();
  check(JSON.stringify(prompts.map((p) => p.name)) ===
        JSON.stringify(['answer_legal_question', 'check_citations']), `${label}: prompt names`);
  const p = await client.getPrompt({ name: 'answer_legal_question',
                                     arguments: { question: 'thời hạn tạm trú tối đa' } });
  const text = p.messages[0].content.text;
  check(p.messages[0].role === 'user' && text.endsWith('thời hạn tạm trú tối đa') &&
        text.includes('search_legislation') && text.includes('validate_citation'),
        `${label}: answer_legal_question prompt`);
  check(await codeOf(client.getPrompt({ name: 'answer_legal_question', arguments: {} })) === -32602,
        `${label}: prompt without its argument -> -32602`);
  check(await codeOf(client.getPrompt({ name: 'no_such_prompt' })) === -32602,
        `${label}: unknown prompt -> -32602`);
  const logs = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(n.params));
  check(Object.keys(await client.setLoggingLevel('info')).length === 0,
        `${label}: logging/setLevel -> {}`);
  await client.callTool({ name: 'get_provision', arguments: { document: '68/2020/QH14', article: 999 } });
  if (label === 'stdio') {
    check(logs.some((l) => l.level === 'info' && l.data.tool === 'get_provision') &&
          logs.some((l) => l.level === 'warning' && /999/.test(l.data.error)),
          `stdio: notifications/message at info and warning (${JSON.stringify(logs)})`);
  } else {
    check(logs.length === 0, 'http: no notifications (JSON replies carry none)');
  }
}

async function overStdio() {
  const transport = new StdioClientTransport({ command: bin, args: ['mcp', '--db', db],
                                               stderr: 'inherit' });
  const client = new Client({ name: 'luat-search-test', version: '1.0.0' });
  await client.connect(transport);
  try {
    await exercise(client, 'stdio');
  } finally {
    await client.close();
  }
}

function startServer() {
  return new Promise((resolve, reject) => {
    const p = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--quiet'],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.on('error', reject);
    p.on('exit', (c) => reject(new Error(`serve exited with ${c}`)));
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/(\d+\.\d+\.\d+\.\d+:\d+)/);
      if (m) resolve({ proc: p, address: m[1] });
    });
  });
}

async function overHttp() {
  const { proc, address } = await startServer();
  try {
    const transport = new StreamableHTTPClientTransport(new URL(`http://${address}/mcp`));
    const client = new Client({ name: 'luat-search-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      await exercise(client, 'http');
      const id = transport.sessionId;
      check(/^[0-9a-f]{32}$/.test(id || ''), `http: Mcp-Session-Id issued (${id})`);
      await transport.terminateSession();
      const res = await fetch(`http://${address}/mcp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
                   'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-06-18' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }) });
      check(res.status === 404, `http: an ended session -> 404 (got ${res.status})`);
    } finally {
      await client.close();
    }
  } finally {
    proc.removeAllListeners('exit');
    proc.kill('SIGTERM');
  }
}

try {
  await overStdio();
  await overHttp();
  console.log(`sdk-client: ${checks} checks passed (stdio and Streamable HTTP)`);
  process.exit(0);
} catch (e) {
  console.error(`sdk-client: ${e.stack || e}`);
  process.exit(1);
}
