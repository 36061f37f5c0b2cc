package io.probehost.dapserver.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.EvaluateResponse;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.ReadMemoryArguments;
import org.eclipse.lsp4j.debug.ReadMemoryResponse;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetInstructionBreakpointsResponse;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.SteppingGranularity;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.VariablesResponse;
import org.eclipse.lsp4j.debug.WriteMemoryArguments;
import org.eclipse.lsp4j.debug.WriteMemoryResponse;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import io.probehost.api.host.DebugSession;
import io.probehost.command.CommandFailure;
import io.probehost.flash.FlashResult;

/**
 * One client's Debug Adapter Protocol session. LSP4J decodes the requests; each one runs on the
 * connection's single worker thread (so the target sees one at a time, and the run poll between
 * them), and a failure becomes an error response with the one-line message. {@code launch} flashes
 * the program and halts at its reset vector, then sends {@code initialized}, so that breakpoints
 * arrive when the ELF that maps them is known; {@code configurationDone} stops on entry or runs.
 */
final class DebugAdapter implements IDebugProtocolServer {
    /** Opens the session a launch or attach names: a probe (unique ID or part of it) and a target, both optional. */
    @FunctionalInterface
    interface SessionSource {
        DebugSession open(Optional<String> probe, Optional<String> target);
    }

    private final SessionSource sessions;
    private final ShellCommands shell;
    private final ScheduledExecutorService worker;
    private final PrintStream log;
    private volatile IDebugProtocolClient client;
    private Debuggee debuggee;
    private boolean launched;
    private boolean stopOnEntry;

    DebugAdapter(SessionSource sessions, ShellCommands shell, ScheduledExecutorService worker, PrintStream log) {
        this.sessions = sessions;
        this.shell = shell;
        this.worker = worker;
        this.log = log;
    }

    void connect(IDebugProtocolClient remote) {
        this.client = remote;
    }

    @Override
    public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
        Capabilities capabilities = new Capabilities();
        capabilities.setSupportsConfigurationDoneRequest(true);
        capabilities.setSupportsFunctionBreakpoints(true);
        capabilities.setSupportsInstructionBreakpoints(true);
        capabilities.setSupportsReadMemoryRequest(true);
        capabilities.setSupportsWriteMemoryRequest(true);
        capabilities.setSupportsSteppingGranularity(true);
        capabilities.setSupportsEvaluateForHovers(true);
        capabilities.setSupportSuspendDebuggee(true);
        return CompletableFuture.completedFuture(capabilities);
    }

    @Override
    public CompletableFuture<Void> launch(Map<String, Object> args) {
        return onWorker(() -> {
            Path program = program(args);
            DebugSession session = open(args);
            FlashResult flashed = Debuggee.flash(session, program);
            output("Programmed " + program.getFileName() + ": " + flashed.summary() + "; reset and halted\n");
            start(session, program);
            launched = true;
            stopOnEntry = Boolean.TRUE.equals(args.get("stopOnEntry"));
            client.initialized();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> args) {
        return onWorker(() -> {
            Path program = program(args);
            start(open(args), program);
            client.initialized();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
        return onWorker(() -> {
            Debuggee d = debuggee();
            if (launched && !stopOnEntry) {
                d.resume();
            } else if (d.target().core().isHalted()) {
                worker.execute(() -> d.run().report(launched ? StoppedEventArgumentsReason.ENTRY
                        : StoppedEventArgumentsReason.PAUSE, null));
            } else {
                d.run().watch();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<SetBreakpointsResponse> setBreakpoints(SetBreakpointsArguments args) {
        return onWorker(() -> {
            SetBreakpointsResponse response = new SetBreakpointsResponse();
            response.setBreakpoints(debuggee().breakpoints().setLines(args.getSource(), args.getBreakpoints())
                    .toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(SetFunctionBreakpointsArguments args) {
        return onWorker(() -> {
            SetFunctionBreakpointsResponse response = new SetFunctionBreakpointsResponse();
            response.setBreakpoints(debuggee().breakpoints().setFunctions(args.getBreakpoints())
                    .toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<SetInstructionBreakpointsResponse> setInstructionBreakpoints(
            SetInstructionBreakpointsArguments args) {
        return onWorker(() -> {
            SetInstructionBreakpointsResponse response = new SetInstructionBreakpointsResponse();
            response.setBreakpoints(debuggee().breakpoints().setInstructions(args.getBreakpoints())
                    .toArray(org.eclipse.lsp4j.debug.Breakpoint[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<ThreadsResponse> threads() {
        return onWorker(() -> {
            Thread core = new Thread();
            core.setId(RunControl.THREAD_ID);
            core.setName(debuggee == null ? "core" : debuggee.target().core().coreName());
            ThreadsResponse response = new ThreadsResponse();
            response.setThreads(new Thread[] {core});
            return response;
        });
    }

    @Override
    public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
        return onWorker(() -> {
            debuggee().requireHalted();
            List<org.eclipse.lsp4j.debug.StackFrame> frames = debuggee().frames().frames();
            int from = Math.min(args.getStartFrame() == null ? 0 : args.getStartFrame(), frames.size());
            int levels = args.getLevels() == null || args.getLevels() <= 0 ? frames.size() : args.getLevels();
            StackTraceResponse response = new StackTraceResponse();
            response.setStackFrames(frames.subList(from, Math.min(frames.size(), from + levels))
                    .toArray(org.eclipse.lsp4j.debug.StackFrame[]::new));
            response.setTotalFrames(frames.size());
            return response;
        });
    }

    @Override
    public CompletableFuture<ScopesResponse> scopes(ScopesArguments args) {
        return onWorker(() -> {
            ScopesResponse response = new ScopesResponse();
            response.setScopes(debuggee().frames().scopes(args.getFrameId()).toArray(org.eclipse.lsp4j.debug.Scope[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<VariablesResponse> variables(VariablesArguments args) {
        return onWorker(() -> {
            VariablesResponse response = new VariablesResponse();
            response.setVariables(debuggee().frames().variables(args.getVariablesReference()).toArray(Variable[]::new));
            return response;
        });
    }

    @Override
    public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
        return onWorker(() -> {
            debuggee().resume();
            ContinueResponse response = new ContinueResponse();
            response.setAllThreadsContinued(true);
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> next(NextArguments args) {
        return step(false, args.getGranularity());
    }

    @Override
    public CompletableFuture<Void> stepIn(StepInArguments args) {
        return step(true, args.getGranularity());
    }

    private CompletableFuture<Void> step(boolean into, SteppingGranularity granularity) {
        return onWorker(() -> {
            debuggee().requireHalted();
            boolean instruction = granularity == SteppingGranularity.INSTRUCTION;
            worker.execute(() -> reported(() -> debuggee.step(into, instruction)));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> stepOut(StepOutArguments args) {
        return onWorker(() -> {
            debuggee().stepOut();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pause(PauseArguments args) {
        return onWorker(() -> {
            debuggee().run().pause();
            return null;
        });
    }

    @Override
    public CompletableFuture<ReadMemoryResponse> readMemory(ReadMemoryArguments args) {
        return onWorker(() -> {
            long address = MemoryReference.address(args.getMemoryReference(), args.getOffset());
            int count = Math.max(0, args.getCount());
            ReadMemoryResponse response = new ReadMemoryResponse();
            response.setAddress(MemoryReference.of(address));
            response.setData(Base64.getEncoder().encodeToString(debuggee().target().memory().read(address, count)));
            return response;
        });
    }

    @Override
    public CompletableFuture<WriteMemoryResponse> writeMemory(WriteMemoryArguments args) {
        return onWorker(() -> {
            long address = MemoryReference.address(args.getMemoryReference(), args.getOffset());
            byte[] data = Base64.getDecoder().decode(args.getData());
            debuggee().target().memory().write(address, data);
            debuggee().target().memory().flush();
            WriteMemoryResponse response = new WriteMemoryResponse();
            response.setBytesWritten(data.length);
            return response;
        });
    }

    @Override
    public CompletableFuture<EvaluateResponse> evaluate(EvaluateArguments args) {
        return onWorker(() -> {
            EvaluateResponse response = new EvaluateResponse();
            String context = args.getContext();
            if (context == null || EvaluateArgumentsContext.REPL.equals(context)) {
                response.setResult(shell.run(args.getExpression()));
            } else {
                debuggee().requireHalted();
                int frame = args.getFrameId() == null ? 0 : args.getFrameId();
                Variable found = debuggee().frames().lookup(frame, args.getExpression().trim()).orElseThrow(
                        () -> new DapException("no local or register named '" + args.getExpression().trim() + "'"));
                response.setResult(found.getValue());
                response.setType(found.getType());
            }
            response.setVariablesReference(0);
            return response;
        });
    }

    @Override
    public CompletableFuture<Void> disconnect(DisconnectArguments args) {
        return onWorker(() -> {
            end(args != null && Boolean.TRUE.equals(args.getSuspendDebuggee()));
            return null;
        });
    }

    /** The connection ended: the breakpoints come off, the core runs on (unless {@code suspend}). */
    void end(boolean suspend) {
        Debuggee leaving = debuggee;
        debuggee = null;
        if (leaving != null) {
            leaving.detach(suspend);
        }
    }

    private void start(DebugSession session, Path program) {
        if (debuggee != null) {
            throw new DapException("this connection already debugs a program");
        }
        debuggee = new Debuggee(session, program, worker, event -> client.stopped(event));
        log.println("dap: debugging " + program.getFileName() + " on " + session.probeDescription().uniqueId());
    }

    private DebugSession open(Map<String, Object> args) {
        return sessions.open(text(args, "probe"), text(args, "target"));
    }

    private static Path program(Map<String, Object> args) {
        return text(args, "program").map(Path::of)
                .orElseThrow(() -> new DapException("\"program\" (the ELF file to debug) is required"));
    }

    private static Optional<String> text(Map<String, Object> args, String key) {
        Object value = args == null ? null : args.get(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }

    private Debuggee debuggee() {
        if (debuggee == null) {
            throw new DapException("no program is being debugged: launch or attach first");
        }
        return debuggee;
    }

    private void output(String text) {
        OutputEventArguments event = new OutputEventArguments();
        event.setCategory(OutputEventArgumentsCategory.CONSOLE);
        event.setOutput(text);
        client.output(event);
    }

    /** Runs work that reports by events only; a failure is shown in the debug console. */
    private void reported(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            output("Error: " + CommandFailure.oneLine(e) + "\n");
            log.println("dap: " + CommandFailure.oneLine(e));
        }
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                answer.complete(request.get());
            } catch (RuntimeException | LinkageError e) {
                String message = CommandFailure.oneLine(e);
                log.println("dap: " + message);
                answer.completeExceptionally(new ResponseErrorException(
                        new ResponseError(ResponseErrorCode.InternalError, message, null)));
            }
        });
        return answer;
    }
}
