// The judge of dap:serve: Microsoft's DAP test client against a running server.
// node judge.js PORT PROGRAM SOURCE LINE FUNCTION PROBE
// launch with stopOnEntry, a breakpoint on SOURCE:LINE, continue to it, the stack trace, a read of
// the RAM at 0x20000000, a shell command in the debug console, a step; a function breakpoint, step
// out, an instruction breakpoint, a memory write, pause, disconnect; then a second client attaches
// to the running program and pauses it. Prints one
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

    await dc.setBreakpointsRequest({ source: { path: source }, breakpoints: [] });
    const functions = await dc.send('setFunctionBreakpoints', { breakpoints: [{ name: fn }] });
    const functionBreakpoint = functions.body.breakpoints[0];
    assert.ok(functionBreakpoint.verified, JSON.stringify(functionBreakpoint));
    const [, inFunction] = await Promise.all([
      dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', {})]);
    fact('function', describe(inFunction.body.stackFrames[0]));
    fact('memory', await words(dc, '0x20000000', 2));

    const [, out] = await Promise.all([dc.stepOutRequest({ threadId: 1 }), dc.assertStoppedLocation('step', {})]);
    fact('stepOut', describe(out.body.stackFrames[0]));

    await dc.send('setFunctionBreakpoints', { breakpoints: [] });
    const instructions = await dc.send('setInstructionBreakpoints', {
      breakpoints: [{ instructionReference: functionBreakpoint.instructionReference }] });
    assert.ok(instructions.body.breakpoints[0].verified, JSON.stringify(instructions.body));
    const [, atInstruction] = await Promise.all([
      dc.continueRequest({ threadId: 1 }), dc.assertStoppedLocation('breakpoint', {})]);
    fact('instruction', `${atInstruction.body.stackFrames[0].instructionPointerReference} `
      + `${functionBreakpoint.instructionReference}`);

    const written = await dc.send('writeMemory', {
      memoryReference: '0x20000000', offset: 4, data: Buffer.from([100, 0, 0, 0]).toString('base64') });
    fact('writeMemory', `${written.body.bytesWritten} bytes, now ${await words(dc, '0x20000004', 1)}`);

    await dc.send('setInstructionBreakpoints', { breakpoints: [] });
    await dc.continueRequest({ threadId: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [, paused] = await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.assertStoppedLocation('pause', {})]);
    fact('pause', describe(paused.body.stackFrames[0]));

    await dc.disconnectRequest({});
    fact('disconnect', 'ok');
  } finally {
    await dc.stop();
  }
  await attach();
}

/** A second client attaches to the running program, pauses it and reads the stack. */
async function attach() {
  const dc = new DebugClient('node', 'unused', 'probehost');
  dc.defaultTimeout = 60000;
  await dc.start(Number(port));
  try {
    await dc.initializeRequest();
    await Promise.all([dc.waitForEvent('initialized'), dc.attachRequest({ program, probe })]);
    await dc.configurationDoneRequest();
    const [, paused] = await Promise.all([dc.pauseRequest({ threadId: 1 }), dc.assertStoppedLocation('pause', {})]);
    fact('attach', paused.body.stackFrames.map((f) => f.name).join(' < '));
    await dc.disconnectRequest({});
  } finally {
    await dc.stop();
  }
}

function describe(frame) {
  return `${frame.name} ${frame.source ? frame.source.name : '?'}:${frame.line}`;
}

/** COUNT little-endian words at REFERENCE, in decimal. */
async function words(dc, reference, count) {
  const memory = await dc.send('readMemory', { memoryReference: reference, count: 4 * count });
  const bytes = Buffer.from(memory.body.data, 'base64');
  const values = [];
  for (let i = 0; i < count; i++) {
    values.push(bytes.readUInt32LE(4 * i));
  }
  return values.join(' ');
}

// A connection that closes with a request unanswered leaves node nothing to wait for: it exits, and
// must not exit 0 then. Only the end of main() makes the exit status 0.
process.exitCode = 1;
main().then(() => {
  fact('done', 'ok');
  process.exitCode = 0;
}).catch((e) => {
  console.log(`failure: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
