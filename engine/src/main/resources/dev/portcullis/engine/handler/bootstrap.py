# Portcullis's Python bootstrap: the Lambda programming model for one function, in a warm worker.
# Protocol: one JSON object per line. stdin: {"id","event","timeoutMs"}. stdout: {"type":"ready"|"initError"|
# "log"|"result"|"error", ...}. The handler's output (print, sys.stderr, logging) is sent as "log" messages; file
# descriptor 1 is pointed at stderr, so even a C extension's output cannot corrupt the protocol.
import decimal
import importlib
import io
import json
import logging
import os
import sys
import threading
import time
import traceback

_protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
_current = [None]


def _send(message):
    _protocol.write(json.dumps(message) + "\n")
    _protocol.flush()


class _Capture(io.TextIOBase):
    def __init__(self, stream):
        self._stream = stream

    def writable(self):
        return True

    def write(self, text):
        if text:
            _send({"type": "log", "id": _current[0], "stream": self._stream, "text": text})
        return len(text)

    def flush(self):
        pass


sys.stdout = _Capture("stdout")
sys.stderr = _Capture("stderr")


class _RequestId(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _current[0] or ""
        return True


# As Lambda's Python runtime does: the root logger writes to the function's output, in Lambda's format.
_log_handler = logging.StreamHandler(sys.stdout)
_log_handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
                                            "%Y-%m-%dT%H:%M:%S"))
_log_handler.addFilter(_RequestId())
logging.getLogger().addHandler(_log_handler)


def _describe(err):
    return {"errorType": type(err).__name__, "errorMessage": str(err),
            "trace": [frame for frame in traceback.format_exception(type(err), err, err.__traceback__)[1:]
                      if __file__ not in frame]}


def _json_default(value):
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)


class LambdaContext:
    def __init__(self, request_id, timeout_ms):
        name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self._deadline = time.monotonic() + timeout_ms / 1000.0
        self.aws_request_id = request_id
        self.function_name = name
        self.function_version = "$LATEST"
        self.invoked_function_arn = "arn:aws:lambda:%s:000000000000:function:%s" % (
            os.environ.get("AWS_REGION", ""), name)
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.log_group_name = "/aws/lambda/" + name
        self.log_stream_name = "portcullis/local"
        self.identity = None
        self.client_context = None

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def _load():
    spec = os.environ["_HANDLER"]
    module_name, dot, function_name = spec.rpartition(".")
    if not dot or not module_name or not function_name:
        raise ValueError("Bad handler %s: expected MODULE.FUNCTION, e.g. app.lambda_handler" % spec)
    root = os.environ["LAMBDA_TASK_ROOT"]
    sys.path.insert(0, root)
    os.chdir(root)
    module = importlib.import_module(module_name.replace("/", "."))
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise AttributeError("Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler


def _cap_memory():
    """Caps the worker's address space at the interpreter's own plus the function's memory (RLIMIT_AS), so a
    handler that allocates past its MemorySize fails with MemoryError as it fails on Lambda. Address space is not
    Lambda's measure (resident memory in the sandbox), so the cap is close, not exact; where the platform has no
    such limit the answer says it is not enforced."""
    memory_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128") or "128")
    try:
        import resource
    except ImportError:
        return "not enforced: this platform has no resource limits (Windows)"
    if not sys.platform.startswith("linux"):
        return "not enforced: %s does not enforce an address-space limit (RLIMIT_AS)" % sys.platform
    try:
        with open("/proc/self/status") as status:
            own_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
        cap = own_kb * 1024 + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        return "enforced: address space capped at the interpreter's own %d MB plus the function's %d MB (RLIMIT_AS)" % (
            own_kb // 1024, memory_mb)
    except (OSError, ValueError, StopIteration) as err:
        return "not enforced: the address-space limit could not be set (%s)" % err


def _watch_parent(parent):
    # Portcullis names itself as the parent; if it is gone (even before this ran), so is this worker.
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(1)


def main():
    parent = int(os.environ.pop("PORTCULLIS_PARENT_PID", "0") or "0") or os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    memory = _cap_memory()
    started = time.perf_counter()
    try:
        handler = _load()
    except BaseException as err:  # the init error is the answer, whatever it is
        message = _describe(err)
        message["type"] = "initError"
        if isinstance(err, ImportError):
            message["errorType"] = "Runtime.ImportModuleError"
        _send(message)
        sys.exit(2)
    _send({"type": "ready", "initMs": (time.perf_counter() - started) * 1000.0,
           "version": "Python " + sys.version.split()[0], "memory": memory})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        _current[0] = request["id"]
        context = LambdaContext(request["id"], request["timeoutMs"])
        began = time.perf_counter()
        try:
            result = handler(request["event"], context)
            payload = json.loads(json.dumps(result, default=_json_default))
            answer = {"type": "result", "id": request["id"], "payload": payload}
        except MemoryError:
            # Lambda ends an execution environment that runs out of memory; so does the worker, after answering
            answer = {"type": "error", "id": request["id"], "errorType": "Runtime.OutOfMemory", "trace": [],
                      "errorMessage": "the handler needed more than the function's %s MB (%s)" % (
                          os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"), memory)}
            answer["durationMs"] = (time.perf_counter() - began) * 1000.0
            _send(answer)
            os._exit(137)
        except Exception as err:  # a raised error is the invocation's answer, as on Lambda
            answer = _describe(err)
            answer.update({"type": "error", "id": request["id"]})
        answer["durationMs"] = (time.perf_counter() - began) * 1000.0
        sys.stdout.flush()
        _send(answer)
        _current[0] = None


main()
