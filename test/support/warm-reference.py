"""A warm cairo-lang for the tests.

Importing cairo-lang costs about 1.3 s of CPU per cairo-run or cairo-compile process, and the
suite makes about 150 such calls on a cold cache. The server imports the tools once, then forks a
child per request: the child runs the tool's own console script as __main__ (as its process would)
with the request's argv, folder and environment, its stdout and stderr in the files the request
names, and answers with the exit code. Forking keeps every run as isolated as a new process.

  python warm-reference.py serve SOCKET    the server (exits after IDLE seconds without a request)
  python -S warm-reference.py call SOCKET  a client, the request's JSON on stdin: exit code 0 and
                                           the answer's JSON on stdout,
                                           or exit 3 when no server answers (the caller starts one)
"""
import json
import os
import signal
import socket
import sys

IDLE = 120


def read_line(s):
    """One newline-ended message, or what came before the peer closed."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def call(path, request):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        sys.exit(3)
    s.sendall(json.dumps(request).encode() + b"\n")
    answer = read_line(s)
    # No answer: the child was killed (its timeout, or a signal).
    sys.stdout.write(answer.decode() if answer else json.dumps({"code": None, "killed": True}) + "\n")


def run_child(conn, request):
    """In the forked child: run the tool as its console script would, answer, exit."""
    import runpy
    import traceback

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    if request.get("timeout"):
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(int(request["timeout"]))
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, name in ((1, "stdout"), (2, "stderr")):
        f = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(f, fd)
        os.close(f)
    script = request["tool"]
    sys.argv = [script] + request["args"]
    code = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:
            print(e.code, file=sys.stderr)
            code = 1
    except BaseException as e:
        # The traceback a process would print: from the console script's frame down.
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        traceback.print_exception(type(e), e, tb)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    conn.sendall(json.dumps({"code": code}).encode() + b"\n")
    os._exit(0)


def serve(path):
    # The tools' modules, imported once (what each fork saves).
    import starkware.cairo.lang.compiler.cairo_compile  # noqa: F401
    import starkware.cairo.lang.vm.cairo_run  # noqa: F401

    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(path)
    except OSError:
        # Another server is there, or a dead one left its socket file.
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
            return
        except OSError:
            os.unlink(path)
            server.bind(path)
    server.listen(64)
    server.settimeout(IDLE)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are not waited for
    try:
        while True:
            try:
                conn, _ = server.accept()
            except socket.timeout:
                return
            conn.settimeout(None)
            try:
                request = json.loads(read_line(conn))
            except ValueError:
                conn.close()
                continue
            sys.stdout.flush()
            sys.stderr.flush()
            if os.fork() == 0:
                server.close()
                run_child(conn, request)
            conn.close()
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        call(sys.argv[2], json.loads(sys.stdin.read()))
