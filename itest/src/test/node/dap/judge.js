// The judge of dap:serve: Microsoft's DAP test client against a running server.
// node judge.js PORT PROGRAM SOURCE LINE FUNCTION PROBE
// launch with stopOnEntry, a breakpoint on SOURCE:LINE, continue to it, the stack trace, a read of
// the RAM at 0x20000000, a shell command in the debug console, a step, disconnect. Prints one
// "name: value" line per fact for the Java test to check; exits non-zero on the first failure.
'use strict';
const assert = require('assert');
const { DebugClient } = require('@vscode/debugadapter-testsupport');

const [port, program, source, line, fn, probe] = process.argv.slice(2);
const breakLine = Number(line);

function fact(name, value) {
  console.log(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

async function main() {
  const dc = new DebugClient('node', 'unused', 'probehost');
  dc.defaultTimeout = 60000;
  await dc.start(Number(port));
  try {
    const [, launched] = await Promise.all([
      dc.waitForEvent('initialized'),
      dc.launch({ program, probe, stopOnEntry: true }),
    ]);
    fact('launch', launched.success);
    const [, entry] = await Promise.all([dc.configurationDoneRequest(), dc.assertStoppedLocation('entry', {})]);
    fact('entry', entry.body.stackFrames[0].name);

    const set = await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [{ line: breakLine }] });
    const breakpoint = set.body.breakpoints[0];
    assert.ok(breakpoint.verified, JSON.stringify(breakpoint));
    fact('breakpoint', `${breakpoint.line} at ${breakpoint.instructionReference}`);

    const [, hit] = await Promise.all([
      dc.continueRequest({ threadId: 1 }),
      dc.assertStoppedLocation('breakpoint', { path: source, line: breakLine }),
    ]);
    fact('stopped', 'breakpoint');
    for (const frame of hit.body.stackFrames) {
      fact('frame', `${frame.name} ${frame.source ? frame.source.name : '?'}:${frame.line}`);
    }
    assert.equal(hit.body.stackFrames[0].name, fn);

    const scopes = await dc.scopesRequest({ frameId: 0 });
    const registers = scopes.body.scopes.find((s) => s.name === 'Registers');
    const values = await dc.variablesRequest({ variablesReference: registers.variablesReference });
    const pc = values.body.variables.find((v) => v.name === 'pc');
    fact('pc', pc.value);

    const memory = await dc.send('readMemory', { memoryReference: '0x20000000', count: 8 });
    const bytes = Buffer.from(memory.body.data, 'base64');
    fact('memory', `${memory.body.address} ${bytes.readUInt32LE(0)} ${bytes.readUInt32LE(4)}`);

    const evaluated = await dc.evaluateRequest({ expression: 'mem:read32 0x20000000 2', context: 'repl' });
    fact('evaluate', evaluated.body.result);

    const [, stepped] = await Promise.all([dc.nextRequest({ threadId: 1 }), dc.assertStoppedLocation('step', {})]);
    const top = stepped.body.stackFrames[0];
    fact('next', `${top.name} ${top.source ? top.source.name : '?'}:${top.line}`);

    await dc.disconnectRequest({});
    fact('disconnect', 'ok');
  } finally {
    await dc.stop();
  }
}

main().catch((e) => {
  console.log(`failure: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
