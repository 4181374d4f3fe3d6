"""Child processes whose failure cannot take the run down.

python-calamine can abort the whole process on a hostile file (a Rust allocation failure is
not an exception), and a file can take forever or eat all memory. So every file is handled by
a worker process started by fork (the parsing machinery is inherited, not re-imported) with an
address-space cap (RLIMIT_AS) and a time limit per item. A worker that dies, is killed or runs
past its limit is replaced; its item comes back as a `Failure` naming why, and every other item
is still done. Workers end with the parent: they are killed on exit, and on Linux the kernel
kills them if the parent dies without cleaning up (PR_SET_PDEATHSIG).

Not `concurrent.futures.ProcessPoolExecutor`: when one of its workers dies, the whole pool is
broken and every pending item is lost.

Small items (a unit's list of 40 rows: a few milliseconds of work) go to a worker several at a
time, as one task (`UNIT_BYTES` of them at most, fewer at the end of the run so that every
worker has some): one message each way instead of one per file, for the parent and for the
worker. A task of several items that fails (its worker died or ran past the limit) is not
reported: each of its items is tried again alone, so the failure is the item's own, with the
whole limit for itself.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_MEMORY = 2 * 1024**3  # bytes of address space per worker: an office PC's share
DEFAULT_SECONDS = 120.0  # per file: a 100,000-row workbook takes ~2 s
DEPTH = 2  # tasks sent ahead to each worker, so that it never waits for the parent
UNIT_BYTES = 64 * 1024  # small items (by their `weight`, a file's size) sent as one task
GROUPED_BELOW = UNIT_BYTES // 4  # an item this small may share a task; a larger one goes alone


_UNITS = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(text: str) -> int:
    """ "2G", "500M", "1.5g", "2048" (megabytes) → bytes; at least 64 MB (Python itself needs it)."""
    from thidua_cli.errors import UsageError

    value = text.strip().lower().removesuffix("b").removesuffix("i")
    unit = value[-1:] if value[-1:] in _UNITS else ""
    try:
        size = int(float(value[: len(value) - len(unit)]) * _UNITS[unit])
    except ValueError:
        raise UsageError(f"--max-memory: không hiểu {text!r} (ví dụ 2G, 500M)") from None
    if size < 64 * 1024**2:
        raise UsageError(f"--max-memory: {text!r} quá nhỏ (tối thiểu 64M)")
    return size


@dataclass(frozen=True)
class Limits:
    """Caps for each worker; None = no cap."""

    memory: int | None = DEFAULT_MEMORY
    seconds: float | None = DEFAULT_SECONDS


@dataclass(frozen=True)
class Failure:
    """Why an item gave no result: `reason` is "memory", "timeout" or "crash"; `detail` says more."""

    reason: str
    detail: str


class _Item(NamedTuple):
    tag: int
    item: Any
    weight: int | None  # what it may share a task by (see `GROUPED_BELOW`); None: alone


@dataclass
class _Worker:
    process: Any
    conn: Any
    inflight: deque[list[_Item]] = field(default_factory=deque)  # tasks sent, each of one item or more
    started: float = 0.0  # when the task at the head of `inflight` began


def _limit_memory(memory: int | None) -> None:
    if memory is None:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel sends SIGKILL to this worker when the parent ends, however it ends."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError, TypeError):  # not Linux: workers are still killed on exit
        pass
    if os.getppid() != parent:  # the parent was gone before prctl took effect
        os._exit(1)


def _quiet_stderr() -> None:
    """A Rust abort prints its panic and backtrace on stderr: the finding says it in one line."""
    import faulthandler

    faulthandler.disable()  # (pytest enables it, on a copy of the original stderr)
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def _serve(conn: Any, work: Callable[[Any], Any], memory: int | None, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with_parent(parent)
    _quiet_stderr()
    _limit_memory(memory)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        messages = [_done(work, tag, item) for tag, item in task]  # a task: one item or several
        try:
            conn.send(messages)
        except MemoryError:
            conn.send([(tag, "memory", "MemoryError") for tag, _, _ in messages])


def _done(work: Callable[[Any], Any], tag: int, item: Any) -> tuple[int, str, Any]:
    """(tag, "ok", `work(item)`), or the status and detail of why it gave nothing."""
    try:
        return tag, "ok", work(item)
    except MemoryError:
        return tag, "memory", "MemoryError"
    except BaseException as exc:  # the last net (a Rust panic is a BaseException)
        return tag, "crash", f"{type(exc).__name__}: {exc}"[:300]


def _describe(exitcode: int | None) -> Failure:
    """A dead worker's exit status, in the words of the finding."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        fatal = {getattr(signal, name, 0) for name in ("SIGABRT", "SIGKILL", "SIGSEGV")}
        reason = "memory" if -exitcode in fatal else "crash"
        return Failure(reason, name)
    return Failure("crash", f"exit {exitcode}")


class _Waiter:
    """Which busy workers have something to say: one `select.poll` object that holds the pipe and
    process sentinel of each worker while it has items in flight (an idle worker that died must
    not wake the parent on every step). multiprocessing's `wait`, the fallback where poll is
    missing, builds and fills a selector on every call."""

    def __init__(self) -> None:
        import select

        self._poll = select.poll() if hasattr(select, "poll") else None

    def add(self, worker: _Worker) -> None:
        if self._poll is not None:
            import select

            for fd in (worker.conn.fileno(), worker.process.sentinel):
                self._poll.register(fd, select.POLLIN)

    def remove(self, worker: _Worker) -> None:
        if self._poll is not None:
            for fd in (worker.conn.fileno(), worker.process.sentinel):
                with suppress(KeyError, ValueError):
                    self._poll.unregister(fd)

    def ready(self, busy: list[_Worker], timeout: float | None) -> list[_Worker]:
        """The busy workers with a message or an end to read, waiting up to `timeout` s."""
        if self._poll is None:
            from multiprocessing.connection import wait

            found = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
            return [w for w in busy if w.conn in found or w.process.sentinel in found]
        events = {fd for fd, _ in self._poll.poll(None if timeout is None else int(timeout * 1000 + 0.999))}
        return [w for w in busy if w.conn.fileno() in events or w.process.sentinel in events]


class Pool(Generic[T, R]):
    """Up to `size` workers running `work(item)`; results as (tag, result or Failure). An item
    submitted with a `weight` under GROUPED_BELOW may share a task with other such items."""

    def __init__(self, work: Callable[[T], R], size: int, limits: Limits | None = None) -> None:
        import multiprocessing

        with suppress(ImportError):  # what each worker uses as it starts: imported once, inherited
            import ctypes  # noqa: F401
            import faulthandler  # noqa: F401
            import resource  # noqa: F401

        methods = multiprocessing.get_all_start_methods()
        self._context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._work, self._size, self._limits = work, max(1, size), limits or Limits()
        self._pending: deque[_Item] = deque()
        self._workers: list[_Worker] = []
        self._done: list[tuple[int, R | Failure]] = []
        self._waiter = _Waiter()

    def submit(self, tag: int, item: T, weight: int | None = None) -> None:
        self._pending.append(_Item(tag, item, weight if weight is not None and weight < GROUPED_BELOW else None))
        self._dispatch()

    def ready(self) -> list[tuple[int, R | Failure]]:
        """What has finished so far, without waiting (keeps the workers fed meanwhile)."""
        if self._workers:
            self._step(0.0)
        done, self._done = self._done, []
        return done

    def drain(self) -> Iterator[tuple[int, R | Failure]]:
        """Every remaining result, as each finishes."""
        while True:
            yield from self.ready()
            if not self._pending and not any(w.inflight for w in self._workers):
                return
            self._step(self._wait_time())
            yield from self._done
            self._done = []

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child_end, self._work, self._limits.memory, os.getpid()), daemon=True
        )
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self._workers.append(worker)
        return worker

    def _dispatch(self) -> None:
        while self._pending:
            idle = [w for w in self._workers if len(w.inflight) < DEPTH]
            if len(self._workers) < self._size and not any(not w.inflight for w in idle):
                idle.insert(0, self._spawn())
            if not idle:
                return
            worker = min(idle, key=lambda w: len(w.inflight))
            task = self._task()
            if not worker.inflight:
                worker.started = time.monotonic()
                self._waiter.add(worker)
            worker.inflight.append(task)
            with suppress(OSError, ValueError):  # it died meanwhile: noticed by _step
                worker.conn.send([(tag, item) for tag, item, _ in task])

    def _task(self) -> list[_Item]:
        """The next pending item, with the small ones after it up to UNIT_BYTES, and no more than
        an even share of what is pending among all the workers' tasks (the end of a run keeps
        every worker busy)."""
        first = self._pending.popleft()
        task, total = [first], first.weight
        if total is None:
            return task
        share = -(-(len(self._pending) + 1) // (self._size * DEPTH))
        while self._pending and len(task) < share:
            weight = self._pending[0].weight
            if weight is None or total + weight > UNIT_BYTES:
                break
            task.append(self._pending.popleft())
            total += weight
        return task

    def _wait_time(self) -> float | None:
        if self._limits.seconds is None:
            return None
        heads = [w.started for w in self._workers if w.inflight]
        if not heads:
            return None
        return max(0.0, min(heads) + self._limits.seconds - time.monotonic())

    def _step(self, timeout: float | None) -> None:
        busy = [w for w in self._workers if w.inflight]
        for worker in self._waiter.ready(busy, timeout) if busy else ():
            self._receive(worker)
        now = time.monotonic()
        for worker in [w for w in self._workers if w.inflight]:
            if self._limits.seconds is not None and now - worker.started > self._limits.seconds:
                self._fail(worker, Failure("timeout", f"{self._limits.seconds:g} s"))
        self._dispatch()

    def _receive(self, worker: _Worker) -> None:
        """One message of a worker the waiter found ready (a next one makes it ready again),
        or its end."""
        try:
            if worker.inflight:  # ready: a message to read, or EOF when the worker died
                messages = worker.conn.recv()  # the head task's, one per item
                worker.inflight.popleft()
                worker.started = time.monotonic()
                if not worker.inflight:
                    self._waiter.remove(worker)
                self._done += [
                    (tag, value if status == "ok" else Failure(status, value)) for tag, status, value in messages
                ]
        except (EOFError, OSError):
            pass
        if worker.inflight and not worker.process.is_alive():
            worker.process.join()
            self._fail(worker, _describe(worker.process.exitcode))

    def _fail(self, worker: _Worker, failure: Failure) -> None:
        """The head task failed: report its item (or, for a task of several, try each of them
        again alone: which one failed is not known), end the worker, send its other tasks again."""
        task = worker.inflight.popleft()
        self._waiter.remove(worker)
        again = [_Item(tag, item, None) for tag, item, _ in task] if len(task) > 1 else []
        if not again:
            self._done.append((task[0].tag, failure))
        self._pending.extendleft(reversed([*again, *(item for other in worker.inflight for item in other)]))
        worker.inflight.clear()
        self._end(worker)
        self._workers.remove(worker)

    def _end(self, worker: _Worker) -> None:
        self._waiter.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        """End every worker now (idle ones are told to stop, busy ones are killed)."""
        for worker in self._workers:
            if not worker.inflight:
                try:
                    worker.conn.send(None)
                    worker.process.join(1.0)
                except (OSError, ValueError):
                    pass
            self._end(worker)
        self._workers = []

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def run_one(work: Callable[[T], R], item: T, limits: Limits | None = None) -> R | Failure:
    """`work(item)` in one capped worker process."""
    with Pool(work, 1, limits) as pool:
        pool.submit(0, item)
        for _, result in pool.drain():
            return result
    raise AssertionError("a submitted item always gives a result")  # pragma: no cover
