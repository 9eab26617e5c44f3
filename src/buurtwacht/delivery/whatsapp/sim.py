"""`buurtwacht whatsapp-sim`: play a member's phone in the terminal against the local stand-in.

The stand-in plays Meta (the hub sends to it as to graph.facebook.com, it posts signed
webhooks to the hub); this REPL plays the phone. A line of text is sent as the member's
message; messages from the hub are printed as they arrive, buttons and list rows numbered:

    /tap N          tap button or list row N of the last message with buttons (or its title)
    /loc LAT LON    share a location
    /reply ID TEXT  reply to message #ID (the number printed before it) or to a wamid
    /read           mark everything received as read (posts `read` statuses to the hub)
    /wait [N]       wait until N messages have arrived (default: one more), for scripts
    /help, /quit

`run()` takes the input and output streams, so the REPL is tested with a script.
"""

from __future__ import annotations

import threading
import time
from typing import TextIO

import httpx

from .standin import Phone, StandIn
from .standin_phone import InboxMessage

HELP = __doc__.split("\n\n")[2].rstrip()


class _Screen:
    """Prints the phone's new messages from a background thread, numbered #1, #2, ..."""

    def __init__(self, phone: Phone, out: TextIO, poll: float):
        self.phone, self.out, self.poll = phone, out, poll
        self.shown: list[InboxMessage] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="sim-screen", daemon=True)

    def say(self, text: str) -> None:
        with self.lock:
            self.out.write(text + "\n")
            self.out.flush()

    def refresh(self) -> None:
        with self.lock:
            for msg in self.phone.inbox[len(self.shown) :]:
                self.shown.append(msg)
                self.out.write(render(len(self.shown), msg) + "\n")
            self.out.flush()

    def _loop(self) -> None:
        while not self.done.wait(self.poll):
            self.refresh()

    def wait(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while len(self.shown) < count:
            if time.monotonic() > deadline:
                return False
            self.refresh()
            time.sleep(self.poll / 2)
        return True

    def message_id(self, ref: str) -> str:
        number = ref.lstrip("#")
        if number.isdigit() and 1 <= int(number) <= len(self.shown):
            return self.shown[int(number) - 1].id
        if ref.startswith("wamid."):
            return ref
        raise ValueError(f"no message {ref}: use the number printed before it")


def render(number: int, msg: InboxMessage) -> str:
    lines = [f"#{number} hub> " + (f"*{msg.header}* " if msg.header else "") + msg.text]
    if msg.footer:
        lines.append(f"      _{msg.footer}_")
    if msg.interactive == "list":
        lines.append(f"      ({msg.payload['interactive']['action']['button']})")
        for i, (_, title, description) in enumerate(msg.rows, 1):
            lines.append(f"      [{i}] {title}" + (f" - {description}" if description else ""))
    else:
        lines += [f"      [{i}] {title}" for i, (_, title) in enumerate(msg.buttons, 1)]
    return "\n".join(lines)


def _tap_choice(arg: str) -> int | str:
    return int(arg) if arg.isdigit() else arg


def _command(line: str, phone: Phone, screen: _Screen, wait_timeout: float) -> bool:
    """Run one line; False ends the session."""
    word, _, rest = line.partition(" ")
    rest = rest.strip()
    if not line.startswith("/"):
        answer = phone.send(line)
    elif word == "/quit":
        return False
    elif word == "/help":
        screen.say(HELP)
        return True
    elif word == "/tap" and rest:
        answer = phone.tap(_tap_choice(rest))
    elif word == "/loc" and len(rest.split()) == 2:
        lat, lon = (float(x) for x in rest.split())
        answer = phone.share_location(lat, lon)
    elif word == "/reply" and len(rest.split(maxsplit=1)) == 2:
        ref, text = rest.split(maxsplit=1)
        answer = phone.reply_to(screen.message_id(ref), text)
    elif word == "/read":
        screen.say(f"(read {len(phone.read())} messages)")
        return True
    elif word == "/wait":
        count = int(rest) if rest else len(screen.shown) + 1
        if not screen.wait(count, wait_timeout):
            screen.say(f"! still {len(screen.shown)} of {count} messages after {wait_timeout} s")
        return True
    else:
        screen.say(f"! unknown command {line!r}; /help lists them")
        return True
    if answer.status != 200:
        screen.say(f"! the hub answered HTTP {answer.status} to that message")
    return True


def run(
    standin: StandIn,
    phone: Phone,
    stdin: TextIO,
    stdout: TextIO,
    *,
    poll: float = 0.05,
    wait_timeout: float = 5.0,
) -> int:
    """The REPL: read lines from stdin until /quit or end of input; print to stdout."""
    screen = _Screen(phone, stdout, poll)
    screen.thread.start()
    try:
        for raw in stdin:
            line = raw.strip()
            if not line:
                continue
            try:
                if not _command(line, phone, screen, wait_timeout):
                    break
            except (ValueError, LookupError) as error:
                screen.say(f"! {error}")
            except httpx.TransportError:
                screen.say(f"! the hub is not reachable at {standin.webhook_url}")
    finally:
        screen.done.set()
        screen.thread.join(timeout=2)
        screen.refresh()
    return 0


def banner(standin: StandIn, phone: Phone) -> str:
    who = phone.wa_id or f"{phone.user_id} (username user, number hidden)"
    return (
        f"Stand-in WhatsApp Cloud API on {standin.base_url} "
        f"(phone number id {standin.phone_number_id}).\n"
        f"Run the hub with WHATSAPP_API_BASE={standin.base_url}; webhooks go to "
        f"{standin.webhook_url}.\nYou are {phone.name}, {who}. Type a message, or /help."
    )
