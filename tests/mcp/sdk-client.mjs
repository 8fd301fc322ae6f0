// sdk-client.mjs — drive luat-search's MCP server with the official
// TypeScript SDK client (@modelcontextprotocol/sdk): over stdio
// (`luat-search mcp --db DB`) and over Streamable HTTP (`luat-search serve`,
// POST /mcp). For each: initialize, list the tools, call every tool and
// check the results against the index of corpus/sample; the SDK itself
// validates each structuredContent against the tool's outputSchema.
// usage: node sdk-client.mjs BIN DB      exit 0 when every check passed
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

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
        JSON.stringify(['format_citation', 'get_provision', 'search_legislation', 'validate_citation']),
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

  r = await client.callTool({ name: 'get_provision',
                              arguments: { document: '68/2020/QH14', article: 999 } });
  check(r.isError === true && /999/.test(r.content[0].text), `${label}: missing article is isError`);

  let code = 0;
  try {
    await client.callTool({ name: 'no_such_tool', arguments: {} });
  } catch (e) {
    code = e.code;
  }
  check(code === -32602, `${label}: unknown tool -> -32602 (got ${code})`);
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
