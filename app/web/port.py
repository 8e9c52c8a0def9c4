"""Whether the web chat's port is free, told before minutes of loading the model and the
index are spent: uvicorn's own "[Errno 98] address already in use" came only after them, and
said neither what to do nor which setting changes the port."""

from __future__ import annotations

import errno
import socket


class PortUnavailableError(RuntimeError):
    pass


def ensure_port_free(host: str, port: int) -> None:
    """Raise ``PortUnavailableError`` with a message saying what to do when ``host:port``
    cannot be served: taken (pick another port), or no address of this machine, or below 1024
    without the rights. Bound as uvicorn binds it (``SO_REUSEADDR``), so a port left in
    TIME_WAIT by a stopped server counts as free, as it is for uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    other = port + 1 if port < 65535 else 8000
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except (OSError, OverflowError) as error:
        code = getattr(error, "errno", None)
        if code == errno.EADDRINUSE:
            url = f"http://{_shown_host(host)}:{port}/"
            raise PortUnavailableError(
                f"Cổng {port} trên {host} đang được dùng (baocao đã chạy? Mở {url}). "
                f"Chọn cổng khác: BAOCAO_PORT={other} make run, hoặc baocao serve --port {other}.\n"
                f"Port {port} on {host} is in use (is baocao already running? Open {url}). "
                f"Pick another: BAOCAO_PORT={other} make run, or baocao serve --port {other}."
            ) from None
        reason = {
            errno.EADDRNOTAVAIL: ("địa chỉ này không thuộc máy này", "the address is not this machine's"),
            errno.EACCES: ("cổng dưới 1024 cần quyền quản trị", "ports below 1024 need administrator rights"),
        }.get(code, (str(error), str(error)))
        raise PortUnavailableError(
            f"Không mở được {host}:{port}: {reason[0]}. Đặt BAOCAO_HOST / BAOCAO_PORT khác.\n"
            f"Cannot serve on {host}:{port}: {reason[1]}. Set another BAOCAO_HOST / BAOCAO_PORT."
        ) from None


def _shown_host(host: str) -> str:
    """The address a browser opens: this machine for "all interfaces", brackets for IPv6."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host
