"""Optional HTTP Basic login over the whole app (chat, source view, files).

``BAOCAO_AUTH="admin:secret,staff:other"`` turns it on; ``BAOCAO_ADMINS`` names who may
upload and delete (default: the first user). Basic auth covers every route the same way,
including the source links a user opens from the chat, and the browser resends it for
Gradio's own requests.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send


@dataclass(frozen=True)
class Users:
    passwords: dict[str, str]
    admins: frozenset[str]

    @property
    def enabled(self) -> bool:
        return bool(self.passwords)

    def can_manage(self, user: str | None) -> bool:
        """Uploads, re-index and removal: anyone without login, admins with it."""
        return not self.enabled or (user is not None and user in self.admins)


def parse_users(auth: str, admins: str = "") -> Users:
    passwords: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in auth.split(","))):
        user, sep, password = pair.partition(":")
        if not sep or not user or not password:
            raise ValueError("BAOCAO_AUTH must look like 'user:password,other:password'")
        passwords[user] = password
    named = {a.strip() for a in admins.split(",") if a.strip()}
    if not named and passwords:
        named = {next(iter(passwords))}
    return Users(passwords, frozenset(named))


def user_from_header(users: Users, authorization: str | None) -> str | None:
    """The user a ``Basic`` Authorization header proves, or None."""
    scheme, _, encoded = (authorization or "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        user, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    expected = users.passwords.get(user)
    if expected is None or not secrets.compare_digest(password.encode(), expected.encode()):
        return None
    return user


class BasicAuthMiddleware:
    """Pure ASGI (so streamed responses pass through untouched)."""

    def __init__(self, app: ASGIApp, users: Users) -> None:
        self.app = app
        self.users = users

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if user_from_header(self.users, headers.get("authorization")) is not None:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = "Cần đăng nhập / login required".encode()
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"www-authenticate", b'Basic realm="baocao", charset="UTF-8"'),
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
