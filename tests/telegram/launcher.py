"""Starts `rolebot` processes for the tests and benchmarks without paying the imports each time.

A new Python process spends seconds importing aiogram (it builds hundreds of pydantic
models), more on a loaded machine. One launcher process per test session imports rolebot and
both Telegram libraries once, then forks a child for each `rolebot ...` asked of it: a real
process with its own pid, environment, working folder and log, which a test may SIGKILL. It
runs `python -m bot` from the top (`runpy`), so everything after the imports is the real
start. Requests come over a Unix socket, one connection per child, so tests on different event
loops share the launcher; the connection reports the child's pid, then its exit code.
`rolebot run` from a cold interpreter is still measured (and so run) by benchmarks/startup.py.
"""

from __future__ import annotations

import asyncio
import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SCRIPT = r"""
import json, os, runpy, selectors, signal, socket, sys, traceback
listener = socket.socket(fileno=int(sys.argv[1]))  # bound by the parent: requests may queue
import bot.cli, bot.telegram.runner, bot.storage  # the slow part of a start
try:
    import bot.ptb.app  # python-telegram-bot, where installed
except ImportError:
    pass
children = {}  # pid -> the connection that asked for it


def child(conn, request):
    code = 1
    try:
        listener.close()
        for other in children.values():
            other.close()
        conn.close()
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.close(woken)
        os.close(wake)
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)  # stdin is the tests' line to the launcher
        os.close(nothing)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        module = request.get("module", "bot")
        sys.argv = ["rolebot" if module == "bot" else module, *request["args"]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def reap():
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        conn = children.pop(pid, None)
        if conn is not None:
            try:
                conn.sendall(b"exited %d\n" % os.waitstatus_to_exitcode(status))
            except OSError:
                pass  # the test went away
            conn.close()


woken, wake = os.pipe()
os.set_blocking(woken, False)
os.set_blocking(wake, False)
signal.set_wakeup_fd(wake)
signal.signal(signal.SIGCHLD, lambda *_: None)
selector = selectors.DefaultSelector()
selector.register(listener, selectors.EVENT_READ, "request")
selector.register(woken, selectors.EVENT_READ, "child exited")
selector.register(sys.stdin, selectors.EVENT_READ, "parent")
while True:
    for key, _ in selector.select():
        if key.data == "parent":  # stdin closed: the tests are over, or their process died
            for pid in children:
                os.kill(pid, signal.SIGKILL)
            os._exit(0)  # no interpreter teardown: it takes a second
        if key.data == "child exited":
            while True:
                try:
                    os.read(woken, 512)
                except BlockingIOError:
                    break
            reap()
            continue
        conn, _ = listener.accept()
        with conn.makefile("rb") as lines:
            request = json.loads(lines.readline())
        pid = os.fork()
        if pid == 0:
            child(conn, request)
        children[pid] = conn
        conn.sendall(b"started %d\n" % pid)
        reap()  # in case it exited before it was known
"""


@dataclass
class Child:
    """A `rolebot` process the launcher forked."""

    pid: int
    exit: asyncio.Future[int]
    """Resolves to its exit code (negative: killed by that signal)."""

    @property
    def running(self) -> bool:
        return not self.exit.done()

    def kill(self, sig: int = signal.SIGKILL) -> asyncio.Future[int]:
        os.kill(self.pid, sig)
        return self.exit

    async def stop(self) -> None:
        """SIGKILL it if it still runs, and wait for its exit."""
        if self.running:
            os.kill(self.pid, signal.SIGKILL)
        await asyncio.wait_for(self.exit, timeout=30)


class Launcher:
    """The launcher process; `shared()` is the one of this Python process."""

    _shared: Launcher | None = None

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="rolebot-launcher-"))
        self.path = self.folder / "socket"
        self.log = self.folder / "launcher.log"
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(self.path))
        listener.listen(64)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", SCRIPT, str(listener.fileno())],
                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.folder)},
                cwd=self.folder,
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=log,
                pass_fds=[listener.fileno()],
            )
        listener.close()

    @classmethod
    def shared(cls) -> Launcher:
        """Started on first use (the tests start it at collection, while others run)."""
        if cls._shared is None or cls._shared.process.poll() is not None:
            cls._shared = cls()
            atexit.register(cls._shared.close)
        return cls._shared

    async def start(
        self,
        args: Sequence[str],
        env: Mapping[str, str],
        cwd: Path,
        log: Path,
        *,
        module: str = "bot",
    ) -> Child:
        """`rolebot *args` (or `python -m module *args`, a module importable from `cwd`) in
        `cwd` with exactly `env`, its stdout and stderr appended to `log`. The bound only
        catches a launcher that hangs (its imports under load)."""
        reader, writer = await asyncio.open_unix_connection(str(self.path))
        request = {
            "args": list(args),
            "env": dict(env),
            "cwd": str(cwd),
            "log": str(log),
            "module": module,
        }
        writer.write(json.dumps(request).encode() + b"\n")
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), timeout=120)
        if not line.startswith(b"started "):
            writer.close()
            raise AssertionError(f"the launcher died:\n{self.tail()}")
        return Child(int(line.split()[1]), asyncio.ensure_future(self._exit(reader, writer)))

    @staticmethod
    async def _exit(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> int:
        try:
            line = await reader.readline()
        finally:
            writer.close()
        # No line: the launcher died, and its children with it.
        return int(line.split()[1]) if line.startswith(b"exited ") else -signal.SIGKILL

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]

    def close(self) -> None:
        """Stop the launcher; it SIGKILLs any child still running."""
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
        if Launcher._shared is self:
            Launcher._shared = None
