"""Updates over the webhook: `rolebot run --webhook` as its own process on 127.0.0.1, beside a
bare aiogram webhook bot making the same Bot API calls (`benchmarks.bare_webhook`), in one run.

This process is Telegram's side: a fake Bot API on 127.0.0.1 that keeps only each chat's newest
message, and a driver that posts button presses to the bot's webhook over at most 100
connections (Telegram's maximum `max_connections`), one press per user at a time, each after
the 200 for the previous one, as Telegram does for one chat. The bots, this process and
anything else running share the machine's cores: the CPU each side used is printed (the bot's
from /proc, this process's own), and latencies include this process's delays.

Two phases per bot and round, rounds interleaved (bare, rolebot, bare, rolebot...):

- *flood*: `--users` users press `--steps` buttons each, back to back, over 100 connections
  that each take the next user whose previous press was answered. With 100 requests always
  in flight the latency is queueing (about 100 ÷ updates/s, Little's law): the phase says
  how many updates per second the bot can take and what each costs in CPU.
- *paced*: presses arrive at random (Poisson) at `--rate` per second for `--seconds`, from
  users picked among those not waiting for an answer; latency counts from the moment a press
  was due, so a driver or a bot that falls behind shows in it.

`--profile DIR` adds one flood per bot under py-spy (pip install py-spy), writes the
collapsed stacks there and prints where the bot's CPU went; those figures are not the
measured ones (sampling costs CPU too).

Run: python -m benchmarks.webhook [--users N] [--steps S] [--rate R] [--seconds T]
                                  [--rounds K] [--log-level INFO] [--profile DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from benchmarks.harness import ROOT
from benchmarks.timing import now, percentile
from bot.core import actions
from tests.telegram.launcher import Child, Launcher

TOKEN = "123456:BENCH-token-not-real"
BARE_TOKEN = "654321:BARE-token-not-real"
BEFORE_TOKEN = "123457:BEFORE-token-not-real"
SECRET = "bench-Webhook_secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
CONNECTIONS = 100
"""Telegram's maximum number of simultaneous webhook connections to one bot."""
TICKS = os.sysconf("SC_CLK_TCK")
START_BOUND = 120.0
"""Seconds a bot may take to start (imports take seconds on a busy machine): a hang bound."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


@dataclass
class QuietBotAPI:
    """The Bot API calls both bots make, answered at the least cost: only the newest message
    with a keyboard per chat is kept (the driver presses its buttons), and calls are counted."""

    tokens: dict[str, str] = field(
        default_factory=lambda: {TOKEN: "rolebot", BEFORE_TOKEN: "before", BARE_TOKEN: "bare"}
    )
    url: str = ""
    newest: dict[int, dict[str, Any]] = field(default_factory=dict)
    calls: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(bot, method) -> calls."""
    webhooks: int = 0

    def __post_init__(self) -> None:
        self._message_ids = iter(range(1000, 1 << 62))
        self._runner: web.AppRunner | None = None
        self._webhook_set = asyncio.Event()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def wait_for_webhook(self, count: int, exited: Callable[[], bool]) -> None:
        """Until `count` setWebhook calls came; fails if `exited()` (the bot died)."""
        deadline = time.monotonic() + START_BOUND
        while self.webhooks < count:
            if exited():
                raise RuntimeError("a bot exited while starting (see its log)")
            if time.monotonic() > deadline:
                raise RuntimeError("a bot did not set its webhook in time")
            self._webhook_set.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._webhook_set.wait(), timeout=0.2)

    async def _handle(self, request: web.Request) -> web.Response:
        bot = self.tokens.get(request.match_info["token"])
        if bot is None:
            return web.json_response({"ok": False, "error_code": 401}, status=401)
        method = request.match_info["method"]
        self.calls[bot, method] += 1
        form = await request.post()
        result: Any = True
        if method == "getMe":
            result = {"id": 123456, "is_bot": True, "first_name": "bench", "username": "bench"}
        elif method == "setWebhook":
            self.webhooks += 1
            self._webhook_set.set()
        elif method == "sendMessage":
            chat_id = int(str(form["chat_id"]))
            result = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "text": str(form.get("text", "")),
            }
            markup = form.get("reply_markup")
            if markup:
                self.newest[chat_id] = {**result, "reply_markup": json.loads(str(markup))}
        return web.json_response({"ok": True, "result": result})


def pressable(message: dict[str, Any] | None) -> list[str]:
    """The buttons a learner would press to go on: answers, next, a rating at the end."""
    markup = (message or {}).get("reply_markup") or {}
    return [
        b["callback_data"]
        for row in markup.get("inline_keyboard", [])
        for b in row
        if isinstance(
            actions.decode(b.get("callback_data", "")),
            actions.Answer | actions.Next | actions.Rate,
        )
    ]


@dataclass
class Phase:
    bot: str
    kind: str
    updates: int
    seconds: float
    latencies: list[float]
    bot_cpu: float
    driver_cpu: float
    errors: int
    skipped: int = 0
    """Paced presses that found every user waiting for an answer (none in a healthy run)."""

    @property
    def rate(self) -> float:
        return self.updates / self.seconds if self.seconds else 0.0

    def p(self, q: float) -> float:
        return percentile(self.latencies, q) * 1e3 if self.latencies else float("nan")

    @property
    def bot_ms(self) -> float:
        return self.bot_cpu * 1e3 / self.updates if self.updates else float("nan")

    @property
    def driver_ms(self) -> float:
        return self.driver_cpu * 1e3 / self.updates if self.updates else float("nan")


class Driver:
    """Posts learners' presses to one bot's webhook, as Telegram would."""

    def __init__(
        self, api: QuietBotAPI, session: aiohttp.ClientSession, url: str, first: str
    ) -> None:
        self.api = api
        self.session = session
        self.url = url
        self.first = first
        self.ids = iter(range(1, 1 << 62))
        self.shown: dict[int, dict[str, Any] | None] = {}
        """User -> the message whose button they press next (None: open the scenario)."""
        self.rng = random.Random(7)

    def update(self, user: int) -> bytes:
        message = self.shown.get(user)
        choices = pressable(message)
        data = self.rng.choice(choices) if choices else self.first
        sender = {"id": user, "is_bot": False, "first_name": "L", "language_code": "ru"}
        shown = message or {"message_id": 1, "date": 0, "chat": {"id": user, "type": "private"}}
        uid = next(self.ids)
        query = {"id": f"q{uid}", "from": sender, "chat_instance": "1", "message": shown}
        return json.dumps({"update_id": uid, "callback_query": {**query, "data": data}}).encode()

    async def press(self, user: int) -> bool:
        """One press; True on a 200. What the user sees next is the newest keyboard."""
        body = self.update(user)
        headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
        try:
            async with self.session.post(self.url, data=body, headers=headers) as response:
                await response.read()
                ok = response.status == 200
        except (aiohttp.ClientError, OSError, TimeoutError):
            ok = False
        self.shown[user] = self.api.newest.get(user)
        return ok

    async def flood(self, name: str, pid: int, users: range, steps: int) -> Phase:
        """Every connection takes the next user whose previous press was answered, first come
        first served, as Telegram's queue of pending updates would; latency counts from the
        request's start on its connection."""
        latencies: list[float] = []
        errors = 0
        ready = deque((user, steps) for user in users)

        async def connection() -> None:
            nonlocal errors
            while ready:
                user, left = ready.popleft()
                started = now()
                ok = await self.press(user)
                latencies.append(now() - started)
                errors += not ok
                if left > 1:
                    ready.append((user, left - 1))

        bot_before, driver_before, started = cpu_seconds(pid), time.process_time(), now()
        await asyncio.gather(*(connection() for _ in range(min(CONNECTIONS, len(users)))))
        elapsed = now() - started
        bot_cpu = cpu_seconds(pid) - bot_before
        driver_cpu = time.process_time() - driver_before
        return Phase(
            name, "flood", len(latencies), elapsed, latencies, bot_cpu, driver_cpu, errors
        )

    async def paced(self, name: str, pid: int, users: range, rate: float, seconds: float) -> Phase:
        latencies: list[float] = []
        errors = skipped = 0
        idle = list(users)
        tasks: set[asyncio.Task[None]] = set()

        async def step(user: int, due: float) -> None:
            nonlocal errors
            ok = await self.press(user)
            latencies.append(now() - due)
            errors += not ok
            idle.append(user)

        bot_before, driver_before, started = cpu_seconds(pid), time.process_time(), now()
        due = started
        for _ in range(max(1, round(rate * seconds))):
            due += self.rng.expovariate(rate)
            delay = due - now()
            if delay > 0:
                await asyncio.sleep(delay)
            if not idle:
                skipped += 1
                continue
            index = self.rng.randrange(len(idle))
            idle[index], idle[-1] = idle[-1], idle[index]
            task = asyncio.create_task(step(idle.pop(), due))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
        if tasks:
            await asyncio.wait(set(tasks))
        elapsed = now() - started
        bot_cpu = cpu_seconds(pid) - bot_before
        driver_cpu = time.process_time() - driver_before
        phase = Phase(
            name, "paced", len(latencies), elapsed, latencies, bot_cpu, driver_cpu, errors
        )
        phase.skipped = skipped
        return phase


@dataclass
class BotProcess:
    """A bot under test: a new process, or one forked from the tests' launcher (`--fork`)."""

    name: str
    pid: int
    url: str
    log: Path
    popen: subprocess.Popen[bytes] | None = None
    child: Child | None = None

    def exited(self) -> bool:
        if self.popen is not None:
            return self.popen.poll() is not None
        return self.child is not None and not self.child.running

    async def stop(self) -> None:
        """SIGTERM, as a deployment stops it; SIGKILL after 30 s."""
        if self.popen is not None:
            if self.popen.poll() is None:
                self.popen.send_signal(signal.SIGTERM)
                try:
                    await asyncio.to_thread(self.popen.wait, 30)
                except subprocess.TimeoutExpired:
                    self.popen.kill()
                    await asyncio.to_thread(self.popen.wait, 30)
            return
        if self.child is not None and self.child.running:
            os.kill(self.pid, signal.SIGTERM)
            try:
                await asyncio.wait_for(asyncio.shield(self.child.exit), timeout=30)
            except TimeoutError:
                await self.child.stop()


async def start_process(
    name: str,
    module: str,
    args: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    log: Path,
    url: str,
    fork: bool,
) -> BotProcess:
    """`python -m module *args`; with `fork`, forked from the tests' launcher, which has
    imported aiogram already (seconds saved per bot on a small machine: the smoke test)."""
    if fork:
        child = await Launcher.shared().start(args, env, cwd, log, module=module)
        return BotProcess(name, child.pid, url, log, child=child)
    popen = spawn([sys.executable, "-m", module, *args], env, cwd, log)
    return BotProcess(name, popen.pid, url, log, popen=popen)


def spawn(
    command: list[str], env: dict[str, str], cwd: Path, log: Path
) -> subprocess.Popen[bytes]:
    """A new process, its output appended to `log` (Popen does not wait for it)."""
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)


async def start_rolebot(
    api: QuietBotAPI,
    folder: Path,
    log_level: str,
    name: str = "rolebot",
    source: Path = ROOT,
    *,
    fork: bool = False,
) -> BotProcess:
    """`rolebot run --webhook` from the checkout at `source` (this one by default; another
    checkout is always a new process)."""
    listen = f"127.0.0.1:{free_port()}"
    folder = folder / name
    folder.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "PYTHONPATH": str(source),
        "BOT_TOKEN": TOKEN if name == "rolebot" else BEFORE_TOKEN,
        "ROLEBOT_API_BASE": api.url,
        "ROLEBOT_DATABASE": str(folder / "webhook.sqlite3"),
        "ROLEBOT_SCENARIOS_DIR": str(ROOT / "scenarios"),
        "ROLEBOT_LOCALES_DIR": str(ROOT / "locales"),
        "ROLEBOT_WEBHOOK_SECRET": SECRET,
        "ROLEBOT_WEBHOOK_LISTEN": listen,
        "ROLEBOT_CACHE_DIR": str(folder / "cache"),
        "ROLEBOT_LOG_LEVEL": log_level,
        "ROLEBOT_SEND_RATE": "0",  # the fake Bot API has no limits to keep
    }
    url = f"http://{listen}/hook"
    return await start_process(
        name,
        "bot",
        ["run", "--webhook", url],
        env=env,
        cwd=folder,
        log=folder / "rolebot.log",
        url=url,
        fork=fork and source == ROOT,
    )


async def start_bare(api: QuietBotAPI, folder: Path, *, fork: bool = False) -> BotProcess:
    listen = f"127.0.0.1:{free_port()}"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "PYTHONPATH": str(ROOT),
    }
    log = folder / "bare.log"  # nothing: aiogram's INFO lines go nowhere without a handler
    return await start_process(
        "bare",
        "benchmarks.bare_webhook",
        [listen, api.url, SECRET, BARE_TOKEN],
        env=env,
        cwd=ROOT,
        log=log,
        url=f"http://{listen}/hook",
        fork=fork,
    )


def troubles(log: Path) -> str:
    """The warnings and errors a bot logged, counted by message."""
    found: Counter[str] = Counter()
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("level") in {"warning", "error", "critical"}:
            found[f"{entry['level']}: {entry.get('msg', '')}"[:80]] += 1
    return "; ".join(f"{n} × {m}" for m, n in found.most_common(3)) or "none"


def profile_summary(stacks: Path, top: int = 25) -> str:
    """From py-spy's collapsed stacks: the share of samples in each function (inclusive) and
    where the samples were when taken (self)."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in stacks.read_text().splitlines():
        frames_text, _, count_text = line.rpartition(" ")
        if not frames_text or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [f.strip() for f in frames_text.split(";")]
        total += count
        for frame in set(frames):
            inclusive[frame] += count
        own[frames[-1]] += count
    if not total:
        return "  (no samples)"
    lines = [f"  {total} samples; inclusive share (function (file:line)):"]
    lines += [f"  {100 * n / total:5.1f} %  {f}" for f, n in inclusive.most_common(top)]
    lines.append("  self share:")
    lines += [f"  {100 * n / total:5.1f} %  {f}" for f, n in own.most_common(top)]
    return "\n".join(lines)


def start_sampler(pid: int, out: Path) -> subprocess.Popen[bytes]:
    """py-spy sampling a process until SIGINT, writing collapsed stacks to `out`."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    command = [spy, "record", "--pid", str(pid), "--rate", "200", "--nonblocking"]
    return subprocess.Popen(
        [*command, "--format", "raw", "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def profiled_flood(
    driver: Driver, bot: BotProcess, users: range, steps: int, folder: Path
) -> Path:
    """One flood with py-spy sampling the bot; the collapsed stacks' file."""
    out = folder / f"{bot.name}.stacks.txt"
    sampler = start_sampler(bot.pid, out)
    await asyncio.sleep(1.0)  # py-spy attaches
    await driver.flood(bot.name, bot.pid, users, steps)
    sampler.send_signal(signal.SIGINT)
    await asyncio.to_thread(sampler.wait, 60)
    return out


def report(phases: list[Phase], rounds: int) -> None:
    print(
        f"  {'phase':<6}{'bot':<9}{'updates':>8}{'updates/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'CPU ms/update: bot':>20}{'driver+API':>11}{'errors':>7}"
    )
    for found in phases:
        print(
            f"  {found.kind:<6}{found.bot:<9}{found.updates:>8}{found.rate:>10.0f}"
            f"{found.p(0.5):>9.1f}{found.p(0.99):>9.1f}{found.bot_ms:>20.2f}"
            f"{found.driver_ms:>11.2f}{found.errors + found.skipped:>7}"
        )

    def best(bot: str, kind: str) -> tuple[Phase, list[Phase]]:
        mine = [p for p in phases if p.bot == bot and p.kind == kind]
        return min(mine, key=lambda p: p.p(0.99) if kind == "paced" else -p.rate), mine

    def spread(values: list[float]) -> str:
        return f"{min(values):.1f}-{max(values):.1f}"

    def ratio(ours: float, theirs: float) -> float:
        """NaN where the baseline measured 0 (a tiny run: CPU time comes in 10 ms ticks)."""
        return ours / theirs if theirs else float("nan")

    names = [n for n in dict.fromkeys(p.bot for p in phases) if n != "bare"]
    print(f"  best of {rounds} (spread over rounds: this bot | bare); ratio to bare aiogram:")
    for kind in ("flood", "paced"):
        bare, bare_all = best("bare", kind)
        for name in names:
            ours, our_all = best(name, kind)
            if not ours.updates or not bare.updates:
                continue
            print(
                f"  {kind:<6}{name:<9}updates/s {ours.rate:5.0f} ÷ {bare.rate:5.0f} = "
                f"{ratio(ours.rate, bare.rate):5.2f}  ({spread([p.rate for p in our_all])} | "
                f"{spread([p.rate for p in bare_all])})"
            )
            print(
                f"  {'':<15}p99 ms {ours.p(0.99):8.1f} ÷ {bare.p(0.99):6.1f} = "
                f"{ratio(ours.p(0.99), bare.p(0.99)):5.2f}  "
                f"({spread([p.p(0.99) for p in our_all])} | "
                f"{spread([p.p(0.99) for p in bare_all])})"
            )
            print(
                f"  {'':<15}p50 ms {ours.p(0.5):8.1f} ÷ {bare.p(0.5):6.1f} = "
                f"{ratio(ours.p(0.5), bare.p(0.5)):5.2f}  ({spread([p.p(0.5) for p in our_all])}"
                f" | {spread([p.p(0.5) for p in bare_all])})"
            )
            print(
                f"  {'':<15}CPU ms/update {ours.bot_ms:5.2f} ÷ {bare.bot_ms:5.2f} = "
                f"{ratio(ours.bot_ms, bare.bot_ms):5.2f}  "
                f"({spread([p.bot_ms for p in our_all])} | "
                f"{spread([p.bot_ms for p in bare_all])})"
            )


async def main_async(args: argparse.Namespace) -> None:
    api = QuietBotAPI()
    await api.start()
    bots: list[BotProcess] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        try:
            fork = args.fork
            bots = [
                await start_bare(api, folder, fork=fork),
                await start_rolebot(api, folder, args.log_level, fork=fork),
            ]
            if args.before is not None:
                bots.append(
                    await start_rolebot(api, folder, args.log_level, "before", args.before)
                )
            try:
                await api.wait_for_webhook(len(bots), lambda: any(b.exited() for b in bots))
            except RuntimeError:
                for bot in bots:
                    print(f"{bot.name}'s log:\n{bot.log.read_text(errors='replace')[-2000:]}")
                raise
            phases: list[Phase] = []
            async with aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=CONNECTIONS),
                timeout=aiohttp.ClientTimeout(total=120),
            ) as session:
                first = actions.encode(actions.Open("atm-withdrawal"))
                drivers = {b.name: Driver(api, session, b.url, first) for b in bots}
                user = 1_000_000
                for bot in bots:  # a warm-up: first renders, first statements
                    await drivers[bot.name].flood(bot.name, bot.pid, range(user, user + 20), 3)
                    user += 20
                logs_before = {b.name: b.log.stat().st_size for b in bots}
                calls_before = Counter(api.calls)
                for _ in range(args.rounds):
                    for bot in bots:
                        pid = bot.pid
                        learners = range(user, user + args.users)
                        user += args.users
                        found = await drivers[bot.name].flood(bot.name, pid, learners, args.steps)
                        phases.append(found)
                        pool = range(user, user + args.users)
                        user += args.users
                        paced = await drivers[bot.name].paced(
                            bot.name, pid, pool, args.rate, args.seconds
                        )
                        phases.append(paced)
                log_bytes = {b.name: b.log.stat().st_size - logs_before[b.name] for b in bots}
                calls = api.calls - calls_before
                profiles: list[Path] = []
                if args.profile is not None:
                    args.profile.mkdir(parents=True, exist_ok=True)
                    for bot in bots:
                        learners = range(user, user + args.users)
                        user += args.users
                        profiles.append(
                            await profiled_flood(
                                drivers[bot.name], bot, learners, args.steps, args.profile
                            )
                        )
        finally:
            for bot in bots:
                await bot.stop()
            await api.stop()
        cores = os.cpu_count() or 1
        print(
            f"webhook: rolebot run --webhook (SQLite, log level {args.log_level}) vs a bare "
            f"aiogram webhook bot, each its own process; this driver and the fake Bot API "
            f"share the same {cores} cores (load average now {os.getloadavg()[0]:.1f})"
        )
        print(
            f"  flood: {args.users} users x {args.steps} presses back to back over at most "
            f"{CONNECTIONS} connections (latency = queueing, about {CONNECTIONS} ÷ updates/s)"
        )
        print(
            f"  paced: presses at random, {args.rate:g}/s for {args.seconds:g} s, over at most "
            f"{CONNECTIONS} connections (latency from when a press was due)"
        )
        report(phases, args.rounds)
        for bot in bots:
            updates = max(1, sum(p.updates for p in phases if p.bot == bot.name))
            per_update = ", ".join(
                f"{method} {n / updates:.2f}"
                for (name, method), n in sorted(calls.items())
                if name == bot.name
            )
            log = log_bytes[bot.name] / updates
            print(f"  {bot.name}: Bot API calls per update {per_update}; log {log:.0f} B/update")
            print(f"  {'':<{len(bot.name)}}  warnings and errors logged: {troubles(bot.log)}")
        for path in profiles:
            print(f"profile of {path.name} (py-spy, one more flood; {path}):")
            print(profile_summary(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="updates over the webhook, beside bare aiogram")
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--rate", type=float, default=100.0, help="paced presses per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="paced phase length")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--log-level", default="INFO", help="rolebot's (INFO: its default)")
    parser.add_argument("--profile", type=Path, default=None, help="py-spy stacks here")
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="also run the rolebot of this source tree (e.g. an older commit's `git archive`)",
    )
    parser.add_argument(
        "--fork",
        action="store_true",
        help="fork the bots from the tests' launcher instead of starting new interpreters "
        "(the smoke test: the figures then include the launcher's imported modules)",
    )
    asyncio.run(main_async(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
