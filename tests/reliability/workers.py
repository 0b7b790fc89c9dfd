"""Real Celery worker (and beat) processes for fault tests, a Redis we may kill, a TCP proxy we may cut.

Each process runs `celery -A config ...` in its own session against the test database
(PostgreSQL: the worker must see the test's committed rows) and a Redis broker, so a test can
SIGKILL the whole process group, exactly as an OOM killer or a crashed host would.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CELERY = str(Path(sys.executable).with_name("celery"))


def wait_until(
    predicate: Callable[[], bool],
    *,
    timeout: float,
    interval: float = 0.2,
    what: str = "",
    detail: Callable[[], object] | None = None,
) -> None:
    """Poll until ``predicate()`` holds; fail the test (not hang it) after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        if time.monotonic() > deadline:
            extra = f"\n{detail()}" if detail else ""
            raise AssertionError(f"gave up after {timeout:.0f}s waiting for {what or predicate}{extra}")
        time.sleep(interval)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_port_in(first: int, last: int) -> int:
    """A port in [first, last] nobody listens on (parallel test runs each get their own Redis)."""
    for port in range(first, last + 1):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError(f"no free port in {first}-{last} for a throwaway redis-server")


def process_tree_rss_kib(pid: int) -> dict[int, int]:
    """RSS (KiB) of a process and its children, read from /proc."""
    result = {}
    pids = [pid]
    children_file = Path(f"/proc/{pid}/task/{pid}/children")
    if children_file.exists():
        pids += [int(p) for p in children_file.read_text().split()]
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    result[each] = int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue
    return result


class CeleryProcess:
    """One `celery -A config worker|beat` process group with its log in a file."""

    def __init__(self, kind: str, env: dict[str, str], log_path: Path, args: list[str]) -> None:
        self.kind = kind
        self.env = env
        self.log_path = log_path
        self.args = args
        self.proc: subprocess.Popen | None = None

    def start(self, *, ready_text: str | None = None, timeout: float = 60) -> CeleryProcess:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [CELERY, "-A", "config", self.kind, *self.args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        if ready_text:
            wait_until(
                lambda: ready_text in self.log() or self.proc.poll() is not None,
                timeout=timeout,
                what=f"{self.kind} to say {ready_text!r}",
            )
            assert self.proc.poll() is None, f"{self.kind} exited:\n{self.log()[-3000:]}"
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def signal_group(self, sig: int) -> None:
        if self.proc and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)

    def kill(self) -> None:
        """SIGKILL the whole process group: main process and pool children, no chance to clean up."""
        self.signal_group(signal.SIGKILL)
        if self.proc:
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if not self.proc or self.proc.poll() is not None:
            return
        self.signal_group(signal.SIGCONT)  # a stopped (SIGSTOP) process cannot act on SIGTERM
        self.signal_group(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def rss_kib(self) -> dict[int, int]:
        return process_tree_rss_kib(self.proc.pid) if self.proc else {}


class RedisServer:
    """A throwaway redis-server on its own port (no persistence), to stop and start at will."""

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.workdir = workdir
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_until(self._answers, timeout=10, what=f"redis-server on {self.port}")
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), 0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


class TcpProxy:
    """A TCP forwarder to PostgreSQL that a test can cut: every connection dropped, new ones refused.

    The worker's database connections go through it, so an "outage" is real from the worker's
    side (connection reset, then connection refused), without touching the shared server.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> TcpProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def down(self) -> None:
        """Close the listener (new connections are refused) and reset every open connection."""
        listener, self._listener = self._listener, None
        if listener:
            listener.close()
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (src, dst):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
