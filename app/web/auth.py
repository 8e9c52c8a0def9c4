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

LIBRARY_HEADER = "X-Baocao-Library"  # which library an answer of /api/ask comes from (Settings.library_id)


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
        user = user_from_header(self.users, headers.get("authorization"))
        if user is not None and scope.get("path", "").endswith(UPLOAD_ROUTE) and not self.users.can_manage(user):
            # Gradio's upload route takes any file from any user: only those who may index do.
            await _plain(send, 403, "Chỉ quản trị viên được tải tệp lên / only admins may upload files")
            return
        if user is not None:
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        await _plain(
            send,
            401,
            "Cần đăng nhập / login required",
            [(b"www-authenticate", b'Basic realm="baocao", charset="UTF-8"')],
        )


UPLOAD_ROUTE = "/gradio_api/upload"


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*(extra or []), *headers]})
    await send({"type": "http.response.body", "body": body})
