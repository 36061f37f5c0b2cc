// Probehost's VS Code extension: a debugger type "probehost" whose adapter is the DAP server that
// `probehost dap:serve` runs (default 127.0.0.1:4711). Plain JavaScript, no build step.
'use strict';
const vscode = require('vscode');

class ProbehostAdapterFactory {
  createDebugAdapterDescriptor(session) {
    const config = session.configuration;
    return new vscode.DebugAdapterServer(config.port || 4711, config.host || '127.0.0.1');
  }
}

function activate(context) {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory('probehost', new ProbehostAdapterFactory()));
}

function deactivate() {}

module.exports = { activate, deactivate };
