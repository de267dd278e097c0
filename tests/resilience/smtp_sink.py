"""A tiny SMTP server for the fault test: it accepts every message and keeps it in memory.

`replies` maps a recipient address to the answer its RCPT gets instead of 250 (say
`b"550 5.1.1 No such user"`), to play a mail server that refuses a mailbox.

It runs its own asyncio loop in a thread and can be stopped (connections are then refused,
as with a mail server that is down) and started again on the same port.
"""

import asyncio
import email
import threading


class SMTPSink:
    def __init__(self, port: int, replies: dict[str, bytes] | None = None):
        self.port = port
        self.replies = replies or {}
        self.messages: list[email.message.Message] = []
        self._loop = asyncio.new_event_loop()
        self._server = None
        self._writers: set[asyncio.StreamWriter] = set()
        threading.Thread(target=self._loop.run_forever, daemon=True).start()

    def start(self) -> None:
        self._run(self._start())

    def stop(self) -> None:
        self._run(self._stop())

    def subjects(self) -> list[str]:
        return [str(message["Subject"]) for message in list(self.messages)]

    def _refusal(self, line: bytes) -> bytes | None:
        address = line.decode(errors="replace").partition("<")[2].partition(">")[0]
        return self.replies.get(address.lower())

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _start(self):
        self._server = await asyncio.start_server(self._session, "127.0.0.1", self.port)

    async def _stop(self):
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    async def _session(self, reader, writer):
        self._writers.add(writer)
        reply = writer.write
        try:
            reply(b"220 sink ESMTP\r\n")
            data: list[bytes] | None = None
            while line := await reader.readline():
                if data is not None:
                    if line.rstrip(b"\r\n") == b".":
                        self.messages.append(email.message_from_bytes(b"".join(data)))
                        data = None
                        reply(b"250 OK\r\n")
                    else:
                        data.append(line[1:] if line.startswith(b"..") else line)
                    continue
                verb = line[:4].upper()
                if verb == b"EHLO":
                    reply(b"250-sink\r\n250 8BITMIME\r\n")
                elif verb == b"DATA":
                    data = []
                    reply(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                elif verb == b"QUIT":
                    reply(b"221 Bye\r\n")
                    break
                elif verb == b"RCPT" and (refusal := self._refusal(line)):
                    reply(refusal + b"\r\n")
                elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    reply(b"250 OK\r\n")
                else:
                    reply(b"502 Not implemented\r\n")
                await writer.drain()
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()
